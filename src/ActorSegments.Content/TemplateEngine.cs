using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ActorSegments.Content.Sandbox;
using Fluid;
using Fluid.Values;

namespace ActorSegments.Content;

/// <summary>
/// Parses and renders Liquid templates in a sandbox: only the model's allow-listed members are readable, no template
/// can include a file (the tags are not even parsed), and every render is bounded by <see cref="TemplateLimits"/>.
/// Thread-safe; one instance serves every request.
/// </summary>
public sealed partial class TemplateEngine
{
    /// <summary>Escapes what matters to HTML and leaves other characters (accents, emoji) as they are.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string[] FileTags = ["include", "render"];

    private readonly FluidParser _parser;
    private readonly TemplateOptions _options;
    private readonly TimeProvider _time;

    public TemplateEngine(TemplateLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        Limits = limits;
        _time = time;
#pragma warning disable FLUID001 // statement offsets place unknown filters (UnknownFilterCheck)
        _parser = new FluidParser(new FluidParserOptions { TrackStatementLocations = true, AllowFunctions = false });
#pragma warning restore FLUID001
        foreach (var tag in FileTags)
        {
            _parser.RegisteredTags.Remove(tag);
        }

        _options = new TemplateOptionsBuilder()
            .WithMemberAccessStrategy(() => new AllowListMemberAccessStrategy())
            .ConfigureMemberAccess(TemplateMembers.Register)
            .WithFileProvider(new DelegateTemplateFileProvider((path, _, _) => throw new TemplateRenderException($"templates cannot read files ('{path}')")))
            .WithMaxSteps(limits.MaxSteps)
            .WithMaxRecursion(limits.MaxRecursion)
            .WithMaxCollectionSize(limits.MaxCollectionSize)
            .WithMaxOutputSize(limits.MaxOutputLength)
            .WithTimeZone(TimeZoneInfo.Utc)
            .Build();
    }

    public TemplateLimits Limits { get; }

    /// <summary>Why <paramref name="source"/> cannot be a template before it is parsed (empty, too long), or null.</summary>
    public string? CheckLength(string source) => source switch
    {
        null or "" => "must not be empty",
        _ when source.Length > Limits.MaxTemplateLength => $"must be at most {Limits.MaxTemplateLength} characters (got {source.Length})",
        _ => null,
    };

    /// <summary>The parsed template; <see cref="TemplateSyntaxException"/> with the line and column of the first problem.</summary>
    public ParsedTemplate Parse(string source)
    {
        if (CheckLength(source) is { } problem)
        {
            throw new TemplateSyntaxException(1, 1, $"the template {problem}");
        }

        IFluidTemplate template;
        try
        {
            template = _parser.Parse(source);
        }
        catch (ParseException ex)
        {
            throw Located(source, ex);
        }

        var filters = new UnknownFilterCheck(_options.Filters);
        filters.VisitTemplate(template);
        if (filters.First is { } unknown)
        {
            var (line, column) = SourcePosition.Of(source, unknown.Offset);
            throw new TemplateSyntaxException(line, column, $"unknown filter '{unknown.Name}' (filters: docs/templates.md)");
        }

        return new ParsedTemplate(template);
    }

    /// <summary>
    /// Renders <paramref name="template"/> for one customer. <see cref="TemplateRenderException"/> when it crosses a
    /// limit or fails; cancelling <paramref name="cancellationToken"/> cancels the render.
    /// </summary>
    public async Task<string> RenderAsync(ParsedTemplate template, TemplateModel model, TemplateEncoding encoding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        using var timer = new CancellationTokenSource(Limits.TimeLimit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var context = new TemplateContext(_options)
        {
            CancellationToken = linked.Token,
            Now = _time.GetUtcNow,
        };
        foreach (var (name, value) in model.Variables)
        {
            context.SetValue(name, FluidValue.Create(value, _options));
        }

        try
        {
            return await template.Template.RenderAsync(context, encoding == TemplateEncoding.Html ? Html : NullEncoder.Default, isolateContext: false).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TemplateRenderException(TemplateLimit.Time, $"the template ran past its time limit of {Limits.TimeLimit.TotalMilliseconds:0} ms", ex);
        }
        catch (InvalidOperationException ex)
        {
            var limit = LimitOf(ex.Message);
            throw new TemplateRenderException(limit, limit switch
            {
                TemplateLimit.Steps => $"the template ran past its limit of {Limits.MaxSteps} steps (a loop too long or endless?)",
                TemplateLimit.Recursion => $"the template nested deeper than {Limits.MaxRecursion} levels",
                TemplateLimit.Collection => $"the template built a list of more than {Limits.MaxCollectionSize} items",
                TemplateLimit.Output => $"the template wrote more than {Limits.MaxOutputLength} characters",
                _ => $"the template failed: {ex.Message}",
            }, ex);
        }
        catch (Exception ex) when (ex is FluidException or ArgumentException or FormatException or OverflowException or DivideByZeroException)
        {
            throw new TemplateRenderException(TemplateLimit.None, $"the template failed: {ex.Message}", ex);
        }
    }

    /// <summary>Fluid reports every limit as an <see cref="InvalidOperationException"/>; its message says which.</summary>
    private static TemplateLimit LimitOf(string message) =>
        message.Contains("steps", StringComparison.Ordinal) ? TemplateLimit.Steps
        : message.Contains("recursion", StringComparison.Ordinal) ? TemplateLimit.Recursion
        : message.Contains("collection size", StringComparison.Ordinal) ? TemplateLimit.Collection
        : message.Contains("output size", StringComparison.Ordinal) ? TemplateLimit.Output
        : TemplateLimit.None;

    private static TemplateSyntaxException Located(string source, ParseException ex)
    {
        // Fluid's message reads "What was expected at (3:9)\nSource:\n  the line": keep the first sentence.
        var reason = TrailingPosition().Replace(ex.Message.Split('\n')[0], string.Empty).Trim();
        var (line, column) = ex.Position is { } p ? (p.Line, p.Column) : PositionIn(ex.Message, source);
        if (reason.StartsWith("Unknown tag", StringComparison.Ordinal) && FileTags.Any(t => reason.Contains($"'{t}'", StringComparison.Ordinal)))
        {
            reason += " (templates cannot include or render other files)";
        }

        return new TemplateSyntaxException(line, column, reason);
    }

    private static (int Line, int Column) PositionIn(string message, string source)
    {
        var match = MessagePosition().Match(message);
        return match.Success
            ? (int.Parse(match.Groups[1].ValueSpan, provider: null), int.Parse(match.Groups[2].ValueSpan, provider: null))
            : SourcePosition.Of(source, 0);
    }

    [GeneratedRegex(@"\s*at \(\d+:\d+\)\s*$")]
    private static partial Regex TrailingPosition();

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex MessagePosition();
}
