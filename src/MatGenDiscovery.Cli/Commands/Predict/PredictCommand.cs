using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;
using MatGenDiscovery.Chemistry.Formulas;
using MatGenDiscovery.Cli.Infrastructure;
using MatGenDiscovery.Models.Predictors;
using MatGenDiscovery.Models.Predictors.GradientBoosting;
using MatGenDiscovery.Models.Predictors.Storage;

namespace MatGenDiscovery.Cli.Commands.Predict;

/// <summary>
/// <c>matgen predict --model DIR --input FILE --output OUT.csv</c>: ensemble mean and σ of a saved predictor for each
/// formula. FILE is read as by <c>validate</c>. OUT.csv keeps input order: <c>formula,prediction,std,error</c>; a formula
/// that cannot be parsed or that the model cannot handle keeps its row with empty numbers and the reason in <c>error</c>.
/// </summary>
public sealed class PredictCommand : Command
{
    private const int Chunk = 1 << 16;

    public PredictCommand(CliConsole console)
        : base("predict", "Predict a property (mean and ensemble σ) for each formula in a file with a model from 'predictor train'.")
    {
        var model = new Option<string>("--model") { Description = "Predictor folder written by 'matgen predictor train' (holds model.json).", Required = true };
        var input = new Option<string>("--input") { Description = "Formulas: a CSV with a 'formula' column, or one formula per line.", Required = true };
        var output = new Option<string>("--output") { Description = "Output CSV: formula, prediction, std, error.", Required = true };
        Options.Add(model);
        Options.Add(input);
        Options.Add(output);
        SetAction((parseResult, _) => CommandRunner.RunAsync(console, () =>
            Run(console, new Settings(parseResult.GetValue(model)!, parseResult.GetValue(input)!, parseResult.GetValue(output)!))));
    }

    public sealed record Settings(string Model, string Input, string Output);

    internal static int Run(CliConsole console, Settings settings)
    {
        var watch = Stopwatch.StartNew();
        var (predictor, _) = LoadModel(settings.Model);
        var formulas = FormulaFile.Read(settings.Input);
        var errors = 0;
        AtomicFile.Write(settings.Output, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            writer.WriteLine("formula,prediction,std,error");
            for (var start = 0; start < formulas.Count; start += Chunk)
            {
                var rows = PredictChunk(predictor, formulas, start, Math.Min(Chunk, formulas.Count - start));
                foreach (var row in rows)
                {
                    errors += row.Error is null ? 0 : 1;
                    WriteRow(writer, row);
                }
            }
        });
        var seconds = watch.Elapsed.TotalSeconds;
        console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"predicted {predictor.TargetProperty} for {formulas.Count - errors} of {formulas.Count} formulas ({errors} errors) with the {predictor.Name} model '{settings.Model}' into {settings.Output} in {seconds:F2} s"));
        return CommandRunner.Success;
    }

    private static (IPropertyPredictor Predictor, PredictorManifest Manifest) LoadModel(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"model folder '{folder}' does not exist");
        }

        try
        {
            return PredictorStore.Load(folder);
        }
        catch (IncompatibleModelException exception)
        {
            throw new CliException($"{exception.Message} (file '{exception.FilePath}': expected {exception.Expected}, found {exception.Actual})");
        }
    }

    private static PredictedRow[] PredictChunk(IPropertyPredictor predictor, List<string> formulas, int start, int count)
    {
        var rows = new PredictedRow[count];
        var compositions = new Composition?[count];
        Parallel.For(0, count, i =>
        {
            var formula = formulas[start + i];
            if (!FormulaParser.TryParse(formula, ElementTable.Default, out var composition, out var error))
            {
                rows[i] = new PredictedRow(formula, 0, 0, error!.Message);
            }
            else if (predictor.Unsupported(composition) is { } reason)
            {
                rows[i] = new PredictedRow(formula, 0, 0, reason);
            }
            else
            {
                compositions[i] = composition;
            }
        });
        var valid = Enumerable.Range(0, count).Where(i => compositions[i] is not null).ToArray();
        var batch = predictor.Predict(valid.Select(i => compositions[i]!).ToArray());
        for (var j = 0; j < valid.Length; j++)
        {
            rows[valid[j]] = new PredictedRow(formulas[start + valid[j]], batch.Mean[j], batch.StandardDeviation[j], null);
        }

        return rows;
    }

    private static void WriteRow(TextWriter writer, PredictedRow row)
    {
        writer.Write(Csv(row.Formula));
        if (row.Error is null)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $",{row.Prediction:R},{row.StandardDeviation:R},\n"));
        }
        else
        {
            writer.Write(",,,");
            writer.Write(Csv(row.Error));
            writer.Write('\n');
        }
    }

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    private readonly record struct PredictedRow(string Formula, double Prediction, double StandardDeviation, string? Error);
}
