namespace ActorSegments.Content;

/// <summary>How values written by <c>{{ }}</c> are escaped; the template's own text is never changed.</summary>
public enum TemplateEncoding
{
    /// <summary>HTML-escaped (<c>&lt;</c>, <c>&amp;</c>, quotes): a trait cannot inject markup into an HTML body.</summary>
    Html,

    /// <summary>Written as they are: plain-text bodies and subject lines.</summary>
    PlainText,
}
