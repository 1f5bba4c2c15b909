using Microsoft.Extensions.Options;

namespace ActorSegments.WebConsole;

internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options) =>
        options.SessionDuration > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ConsoleOptions.SectionName}:SessionDuration (ActorSegments__Console__SessionDuration) must be positive, e.g. 08:00:00 (got {options.SessionDuration}).");
}
