using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

/// <summary>
/// Names the setting behind each failure of a section's validator. A generated validator reports a failure as
/// "Member: problem" (the member of the options class); an operator sets "Section:Member" or its environment
/// variable, so that is what the message says.
/// </summary>
internal sealed class SettingNamingValidator<TOptions>(IValidateOptions<TOptions> inner, string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    private const string MemberSeparator = ": ";

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        return result.Failed ? ValidateOptionsResult.Fail(result.Failures.Select(Describe)) : result;
    }

    private string Describe(string failure)
    {
        var end = failure.IndexOf(MemberSeparator, StringComparison.Ordinal);
        return end > 0 && !failure.AsSpan(0, end).Contains(' ')
            ? $"{SettingNames.Describe(sectionName, failure[..end])}{MemberSeparator}{failure[(end + MemberSeparator.Length)..]}"
            : failure;
    }
}
