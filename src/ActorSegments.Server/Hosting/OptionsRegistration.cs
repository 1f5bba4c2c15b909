using ActorSegments.Server.Configuration;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Hosting;

/// <summary>
/// The one way a settings section is registered: bound from configuration (its section name is a constant of the
/// options class), validated by the source-generated validator of its rules, at start and now.
/// </summary>
internal static class OptionsRegistration
{
    /// <summary>
    /// Binds a section, registers its validator to run at start, and returns the bound value validated now: some
    /// settings (dev mode or PostgreSQL, ports) shape how the silo is built, so they must be right before that.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is invalid; each failure names the setting and its environment variable.</exception>
    public static TOptions AddValidatedOptions<TOptions, TValidator>(this IHostApplicationBuilder builder, string sectionName)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        var value = builder.AddBoundOptions<TOptions>(sectionName);
        var validator = new SettingNamingValidator<TOptions>(new TValidator(), sectionName);
        builder.Services.AddOptions<TOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(validator);
        var result = validator.Validate(Options.DefaultName, value);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Failures);
        }

        return value;
    }

    /// <summary>Binds a section whose settings have no rules to break, and returns the bound value.</summary>
    public static TOptions AddBoundOptions<TOptions>(this IHostApplicationBuilder builder, string sectionName)
        where TOptions : class, new()
    {
        builder.Services.AddOptions<TOptions>().BindConfiguration(sectionName);
        return builder.Configuration.GetSection(sectionName).Get<TOptions>() ?? new TOptions();
    }
}
