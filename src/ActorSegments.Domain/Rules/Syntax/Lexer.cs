using System.Globalization;
using System.Text;

namespace ActorSegments.Domain.Rules.Syntax;

/// <summary>
/// Splits rule text into tokens. Whitespace and newlines separate tokens; <c>#</c> starts a comment to the end of the
/// line. Durations are whole numbers with a unit (<c>90s 15m 48h 30d 2w</c>); timestamps are ISO dates or date-times
/// (<c>2025-11-28</c>, <c>2025-11-28T10:00:00Z</c>, UTC unless an offset is given).
/// </summary>
public static class Lexer
{
    /// <summary>Longest rule accepted; rules are for people, and a bound keeps parsing cheap.</summary>
    public const int MaxLength = 20_000;

    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new RuleSyntaxException(new RuleDiagnostic(1, 1, 0, $"the rule is {text.Length} characters long; at most {MaxLength} are accepted"));
        }

        var tokens = new List<Token>();
        var cursor = new Cursor(text);
        while (true)
        {
            cursor.SkipTrivia();
            if (cursor.AtEnd)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, 0, 0, cursor.Span(cursor.Offset)));
                return tokens;
            }

            tokens.Add(Next(ref cursor));
        }
    }

    private static Token Next(ref Cursor cursor)
    {
        var start = cursor.Offset;
        var c = cursor.Current;
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (!cursor.AtEnd && (char.IsAsciiLetterOrDigit(cursor.Current) || cursor.Current == '_'))
            {
                cursor.Advance();
            }

            return new Token(TokenKind.Identifier, cursor.Text(start), 0, 0, cursor.Span(start));
        }

        if (char.IsAsciiDigit(c))
        {
            return Numeric(ref cursor);
        }

        if (c is '"' or '\'')
        {
            return StringLiteral(ref cursor);
        }

        cursor.Advance();
        var next = cursor.AtEnd ? '\0' : cursor.Current;
        (TokenKind kind, int extra) = c switch
        {
            '(' => (TokenKind.LeftParen, 0),
            ')' => (TokenKind.RightParen, 0),
            '[' => (TokenKind.LeftBracket, 0),
            ']' => (TokenKind.RightBracket, 0),
            ',' => (TokenKind.Comma, 0),
            '.' => (TokenKind.Dot, 0),
            '-' => (TokenKind.Minus, 0),
            '=' => (TokenKind.Equal, next == '=' ? 1 : 0),
            '!' when next == '=' => (TokenKind.NotEqual, 1),
            '<' when next == '>' => (TokenKind.NotEqual, 1),
            '<' => next == '=' ? (TokenKind.LessOrEqual, 1) : (TokenKind.Less, 0),
            '>' => next == '=' ? (TokenKind.GreaterOrEqual, 1) : (TokenKind.Greater, 0),
            _ => throw cursor.Error(start, 1, $"unexpected character '{Printable(c)}'; expected a name, a value, an operator or a parenthesis"),
        };
        for (var i = 0; i < extra; i++)
        {
            cursor.Advance();
        }

        return new Token(kind, cursor.Text(start), 0, 0, cursor.Span(start));
    }

    private static Token Numeric(ref Cursor cursor)
    {
        var start = cursor.Offset;
        while (!cursor.AtEnd && char.IsAsciiDigit(cursor.Current))
        {
            cursor.Advance();
        }

        if (!cursor.AtEnd && cursor.Current == '-' && cursor.Offset - start == 4)
        {
            return TimestampLiteral(ref cursor, start);
        }

        var isFraction = false;
        if (!cursor.AtEnd && cursor.Current == '.' && cursor.Peek(1) is var d && char.IsAsciiDigit(d))
        {
            isFraction = true;
            cursor.Advance();
            while (!cursor.AtEnd && char.IsAsciiDigit(cursor.Current))
            {
                cursor.Advance();
            }
        }

        var digits = cursor.Text(start);
        if (!cursor.AtEnd && (char.IsAsciiLetter(cursor.Current) || cursor.Current == '_'))
        {
            var unitStart = cursor.Offset;
            while (!cursor.AtEnd && (char.IsAsciiLetterOrDigit(cursor.Current) || cursor.Current == '_'))
            {
                cursor.Advance();
            }

            var unit = cursor.Text(unitStart);
            long? seconds = unit switch { "s" => 1, "m" => 60, "h" => 3600, "d" => 86_400, "w" => 604_800, _ => null };
            if (seconds is null)
            {
                throw cursor.Error(unitStart, unit.Length, $"unknown duration unit '{unit}'; expected s, m, h, d or w (as in 30d)");
            }

            if (isFraction || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > long.MaxValue / seconds.Value)
            {
                throw cursor.Error(start, cursor.Offset - start, "a duration is a whole number of units, such as 48h or 30d");
            }

            return new Token(TokenKind.Duration, cursor.Text(start), 0, amount * seconds.Value, cursor.Span(start));
        }

        var number = double.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw cursor.Error(start, digits.Length, "the number is too large");
        }

        return new Token(TokenKind.Number, digits, number, 0, cursor.Span(start));
    }

    private static Token TimestampLiteral(ref Cursor cursor, int start)
    {
        while (!cursor.AtEnd && (char.IsAsciiLetterOrDigit(cursor.Current) || cursor.Current is '-' or ':' or '+' or '.'))
        {
            cursor.Advance();
        }

        var text = cursor.Text(start);
        var formats = new[] { "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK" };
        if (!DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw cursor.Error(start, text.Length, $"'{text}' is not a valid timestamp; expected a date such as 2025-11-28 or a time such as 2025-11-28T10:00:00Z");
        }

        return new Token(TokenKind.Timestamp, text, 0, Time.UnixTime.Seconds(time), cursor.Span(start));
    }

    private static Token StringLiteral(ref Cursor cursor)
    {
        var start = cursor.Offset;
        var quote = cursor.Current;
        cursor.Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (cursor.AtEnd || cursor.Current == '\n')
            {
                throw cursor.Error(start, 1, $"unterminated string; expected a closing {quote}");
            }

            var c = cursor.Current;
            cursor.Advance();
            if (c == quote)
            {
                return new Token(TokenKind.String, value.ToString(), 0, 0, cursor.Span(start));
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (cursor.AtEnd)
            {
                throw cursor.Error(start, 1, $"unterminated string; expected a closing {quote}");
            }

            var escape = cursor.Current;
            var escapeAt = cursor.Offset - 1;
            cursor.Advance();
            switch (escape)
            {
                case '\\' or '"' or '\'':
                    value.Append(escape);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u':
                    var hex = cursor.Take(4);
                    if (hex.Length != 4 || !ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw cursor.Error(escapeAt, 2 + hex.Length, "expected four hexadecimal digits after \\u");
                    }

                    value.Append((char)code);
                    break;
                default:
                    throw cursor.Error(escapeAt, 2, $"unknown escape '\\{Printable(escape)}'; expected \\\\, \\\", \\', \\n, \\t or \\uXXXX");
            }
        }
    }

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();

    /// <summary>A position in the text, with line and column bookkeeping.</summary>
    private ref struct Cursor(string text)
    {
        private readonly string _text = text;
        private int _line = 1;
        private int _lineStart;

        public int Offset { get; private set; }

        public readonly bool AtEnd => Offset >= _text.Length;

        public readonly char Current => _text[Offset];

        public readonly char Peek(int ahead) => Offset + ahead < _text.Length ? _text[Offset + ahead] : '\0';

        public void Advance()
        {
            if (_text[Offset] == '\n')
            {
                _line++;
                _lineStart = Offset + 1;
            }

            Offset++;
        }

        public string Take(int count)
        {
            var start = Offset;
            for (var i = 0; i < count && !AtEnd; i++)
            {
                Advance();
            }

            return _text[start..Offset];
        }

        public void SkipTrivia()
        {
            while (!AtEnd)
            {
                if (char.IsWhiteSpace(Current))
                {
                    Advance();
                }
                else if (Current == '#')
                {
                    while (!AtEnd && Current != '\n')
                    {
                        Advance();
                    }
                }
                else
                {
                    return;
                }
            }
        }

        public readonly string Text(int start) => _text[start..Offset];

        /// <summary>The span from <paramref name="start"/> to here; tokens never cross a line.</summary>
        public readonly SourceSpan Span(int start) => new(_line, start - _lineStart + 1, start, Offset - start);

        public readonly RuleSyntaxException Error(int start, int length, string message)
        {
            // Errors are raised on the token's own line, so the column is relative to the current line start.
            var column = Math.Max(1, start - _lineStart + 1);
            return new RuleSyntaxException(new RuleDiagnostic(_line, column, length, message));
        }
    }
}
