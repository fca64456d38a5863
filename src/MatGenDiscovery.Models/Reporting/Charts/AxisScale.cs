namespace MatGenDiscovery.Models.Reporting.Charts;

/// <summary>Maps data values in [Min, Max] to pixels in [From, To], linearly or logarithmically (base 10), and proposes ticks.</summary>
internal sealed class AxisScale
{
    private AxisScale(double min, double max, double from, double to, bool log)
    {
        Min = min;
        Max = max;
        From = from;
        To = to;
        Log = log;
    }

    public double Min { get; }

    public double Max { get; }

    public double From { get; }

    public double To { get; }

    public bool Log { get; }

    /// <summary>A range covering the values, widened to "nice" tick steps (log: whole decades).</summary>
    public static AxisScale Create(IEnumerable<double> values, double from, double to, bool log, double? fixedMin, double? fixedMax, bool includeZero)
    {
        var finite = values.Where(v => double.IsFinite(v) && (!log || v > 0)).ToArray();
        if (log)
        {
            var low = fixedMin ?? (finite.Length == 0 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(finite.Min()))));
            var high = fixedMax ?? (finite.Length == 0 ? 10 : Math.Pow(10, Math.Ceiling(Math.Log10(finite.Max()))));
            return new AxisScale(low, high > low ? high : low * 10, from, to, log: true);
        }

        var min = fixedMin ?? (finite.Length == 0 ? 0 : finite.Min());
        var max = fixedMax ?? (finite.Length == 0 ? 1 : finite.Max());
        if (includeZero)
        {
            min = fixedMin ?? Math.Min(0, min);
            max = fixedMax ?? Math.Max(0, max);
        }

        if (max <= min)
        {
            max = min + 1;
        }

        var step = NiceStep((max - min) / 5);
        return new AxisScale(
            fixedMin ?? Math.Floor(min / step) * step, fixedMax ?? Math.Ceiling(max / step) * step, from, to, log: false);
    }

    public double Map(double value)
    {
        var t = Log
            ? (Math.Log10(Math.Max(value, double.Epsilon)) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
            : (value - Min) / (Max - Min);
        return From + (To - From) * Math.Clamp(t, -0.05, 1.05);
    }

    public IReadOnlyList<double> Ticks()
    {
        if (Log)
        {
            var ticks = new List<double>();
            for (var e = Math.Round(Math.Log10(Min)); e <= Math.Log10(Max) + 1e-9; e++)
            {
                ticks.Add(Math.Pow(10, e));
            }

            return ticks;
        }

        var step = NiceStep((Max - Min) / 5);
        var result = new List<double>();
        for (var v = Math.Ceiling(Min / step - 1e-9) * step; v <= Max + step * 1e-9; v += step)
        {
            result.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }

        return result;
    }

    private static double NiceStep(double rough)
    {
        if (!(rough > 0))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        return magnitude * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10);
    }
}
