using System.Globalization;
using MatGenDiscovery.Chemistry.Compositions;
using MatGenDiscovery.Chemistry.Elements;

namespace MatGenDiscovery.Chemistry.Formulas;

/// <summary>
/// Reads formula strings as the bundled data files write them: <c>Fe2O3</c>, <c>C1Pt1</c>, <c>Ag(AuS)2</c>,
/// nested <c>()</c> and <c>[]</c> groups, decimal amounts (<c>Ag0.5Ge1Pb1.75S4</c>), repeated elements (summed,
/// <c>HCOOH</c>), and atomic fractions rounded to 4 decimals (<c>O0.5556Pr0.2222Pt0.2222</c>, recovered as
/// <c>Pr2Pt2O5</c>). Symbols are case-sensitive (<c>NaN</c> is sodium nitride). Surrounding whitespace is ignored.
/// </summary>
/// <remarks>
/// Rounded-fraction recovery: when every amount is below 1, the amounts sum to 1 within the 4-decimal rounding
/// error and they are not all integers, the smallest multiplier m ≤ <see cref="MaxFractionMultiplier"/> is used for
/// which every amount lies within 0.00005 of a non-zero k/m; the composition then holds the integers k. Without such
/// an m the decimal amounts are kept.
/// </remarks>
public static class FormulaParser
{
    /// <summary>Largest multiplier tried when recovering integers from rounded atomic fractions.</summary>
    public const int MaxFractionMultiplier = 500;

    private const double RoundingTolerance = 0.5e-4 + 1e-9;
    private const int MaxDepth = 32;

    /// <exception cref="FormulaParseException">The formula is empty, has an unknown symbol, unbalanced brackets, a zero, negative or malformed amount, or a stray character.</exception>
    public static Composition Parse(string formula) => Parse(formula, ElementTable.Default);

    /// <inheritdoc cref="Parse(string)"/>
    public static Composition Parse(string formula, ElementTable table)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var state = new ParserState(formula, table);
        return state.Run(out var error) ?? throw error!;
    }

    public static bool TryParse(string? formula, out Composition composition) =>
        TryParse(formula, ElementTable.Default, out composition, out _);

    /// <summary>Like <see cref="Parse(string)"/> but returns the error instead of throwing it.</summary>
    public static bool TryParse(string? formula, ElementTable table, out Composition composition, out FormulaParseException? error)
    {
        if (formula is null)
        {
            composition = null!;
            error = new FormulaParseException(string.Empty, 0, "the formula is missing");
            return false;
        }

        var result = new ParserState(formula, table).Run(out error);
        composition = result!;
        return result is not null;
    }

    private sealed class ParserState(string formula, ElementTable table)
    {
        private readonly List<(int AtomicNumber, double Amount)> _terms = new(8);
        private Stack<(int TermStart, char Close, int OpenAt)>? _groups;
        private FormulaParseException? _error;
        private int _position;

        public Composition? Run(out FormulaParseException? error)
        {
            var end = formula.Length;
            while (end > 0 && char.IsWhiteSpace(formula[end - 1]))
            {
                end--;
            }

            while (_position < end && char.IsWhiteSpace(formula[_position]))
            {
                _position++;
            }

            if (_position == end)
            {
                error = new FormulaParseException(formula, 0, formula.Length == 0 ? "the formula is empty" : "the formula is blank");
                return null;
            }

            var composition = ParseBody(end) ? Build() : null;
            error = _error;
            return composition;
        }

        private bool ParseBody(int end)
        {
            while (_position < end)
            {
                var c = formula[_position];
                if (char.IsAsciiLetterUpper(c))
                {
                    if (!ReadElement(end))
                    {
                        return false;
                    }
                }
                else if (c is '(' or '[')
                {
                    _groups ??= new Stack<(int TermStart, char Close, int OpenAt)>();
                    if (_groups.Count == MaxDepth)
                    {
                        return Fail(_position, $"brackets nested deeper than {MaxDepth} levels");
                    }

                    _groups.Push((_terms.Count, c == '(' ? ')' : ']', _position));
                    _position++;
                }
                else if (c is ')' or ']')
                {
                    if (!CloseGroup(c, end))
                    {
                        return false;
                    }
                }
                else
                {
                    return Fail(_position, Describe(c));
                }
            }

            if (_groups is { Count: > 0 })
            {
                var (_, close, openAt) = _groups.Peek();
                return Fail(openAt, $"'{formula[openAt]}' is never closed (expected '{close}')");
            }

            return true;
        }

        private bool ReadElement(int end)
        {
            var start = _position++;
            while (_position < end && char.IsAsciiLetterLower(formula[_position]))
            {
                _position++;
            }

            var symbol = formula.AsSpan(start, _position - start);
            if (!table.TryGet(symbol, out var element))
            {
                return Fail(start, $"unknown element symbol '{symbol}'");
            }

            if (!ReadAmount(end, out var amount))
            {
                return false;
            }

            _terms.Add((element.AtomicNumber, amount));
            return true;
        }

        private bool CloseGroup(char close, int end)
        {
            if (_groups is null || _groups.Count == 0)
            {
                return Fail(_position, $"'{close}' has no matching opening bracket");
            }

            var (termStart, expected, openAt) = _groups.Pop();
            if (close != expected)
            {
                return Fail(_position, $"'{close}' closes '{formula[openAt]}' at position {openAt} (expected '{expected}')");
            }

            if (termStart == _terms.Count)
            {
                return Fail(openAt, "empty brackets");
            }

            _position++;
            if (!ReadAmount(end, out var multiplier))
            {
                return false;
            }

            for (var i = termStart; i < _terms.Count; i++)
            {
                _terms[i] = (_terms[i].AtomicNumber, _terms[i].Amount * multiplier);
            }

            return true;
        }

        private bool ReadAmount(int end, out double amount)
        {
            amount = 1;
            var start = _position;
            if (start < end && formula[start] == '-')
            {
                return Fail(start, "negative amounts are not allowed");
            }

            var digits = 0;
            var dots = 0;
            while (_position < end && (char.IsAsciiDigit(formula[_position]) || formula[_position] == '.'))
            {
                if (formula[_position] == '.')
                {
                    dots++;
                }
                else
                {
                    digits++;
                }

                _position++;
            }

            if (_position == start)
            {
                return true;
            }

            var text = formula.AsSpan(start, _position - start);
            if (digits == 0 || dots > 1)
            {
                return Fail(start, $"'{text}' is not a number");
            }

            amount = double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (amount == 0)
            {
                return Fail(start, "amounts must be greater than zero");
            }

            if (double.IsInfinity(amount))
            {
                return Fail(start, $"amount '{text}' is too large");
            }

            return true;
        }

        private Composition Build()
        {
            Span<double> byZ = stackalloc double[table.Count + 1];
            byZ.Clear();
            foreach (var (z, amount) in _terms)
            {
                byZ[z] += amount;
            }

            var count = 0;
            foreach (var amount in byZ)
            {
                if (amount > 0)
                {
                    count++;
                }
            }

            var elements = new Element[count];
            var amounts = new double[count];
            var next = 0;
            for (var z = 1; z < byZ.Length; z++)
            {
                if (byZ[z] > 0)
                {
                    elements[next] = table[z - 1];
                    amounts[next++] = byZ[z];
                }
            }

            RecoverRoundedFractions(amounts);
            return Composition.CreateTrusted(elements, amounts);
        }

        private bool Fail(int position, string reason)
        {
            _error = new FormulaParseException(formula, position, reason);
            return false;
        }

        private static string Describe(char c) => c switch
        {
            '-' => "negative amounts are not allowed",
            '+' => "unexpected '+'",
            _ when char.IsWhiteSpace(c) => "unexpected whitespace inside the formula",
            _ when char.IsAsciiLetterLower(c) => $"element symbols start with a capital letter, found '{c}'",
            _ when char.IsAsciiDigit(c) || c == '.' => "an amount must follow an element or a closing bracket",
            _ => $"unexpected character '{c}'",
        };
    }

    /// <summary>Replaces 4-decimal-rounded atomic fractions by the integers they came from, in place.</summary>
    internal static void RecoverRoundedFractions(Span<double> amounts)
    {
        var total = 0.0;
        var allIntegers = true;
        foreach (var amount in amounts)
        {
            if (amount >= 1)
            {
                return;
            }

            total += amount;
            allIntegers &= amount == Math.Round(amount);
        }

        if (allIntegers || Math.Abs(total - 1) > RoundingTolerance * amounts.Length)
        {
            return;
        }

        for (var multiplier = 1; multiplier <= MaxFractionMultiplier; multiplier++)
        {
            if (FitsMultiplier(amounts, multiplier))
            {
                for (var i = 0; i < amounts.Length; i++)
                {
                    amounts[i] = Math.Round(amounts[i] * multiplier);
                }

                return;
            }
        }
    }

    private static bool FitsMultiplier(ReadOnlySpan<double> amounts, int multiplier)
    {
        foreach (var amount in amounts)
        {
            var k = Math.Round(amount * multiplier);
            if (k < 1 || Math.Abs(amount - k / multiplier) > RoundingTolerance)
            {
                return false;
            }
        }

        return true;
    }
}
