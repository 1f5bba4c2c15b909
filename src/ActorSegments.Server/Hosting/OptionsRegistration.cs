using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Hosting;

internal static class OptionsRegistration
{
    /// <summary>
    /// Binds a section, registers its validator to run at start, and returns the bound value validated now: some
    /// settings (dev mode or PostgreSQL, ports) shape how the silo is built, so they must be right before that.
    /// </summary>
    public static TOptions AddValidatedOptions<TOptions, TValidator>(this IHostApplicationBuilder builder, string sectionName)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        builder.Services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TOptions>, TValidator>();

        var value = builder.Configuration.GetSection(sectionName).Get<TOptions>() ?? new TOptions();
        var result = new TValidator().Validate(Options.DefaultName, value);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Failures);
        }

        return value;
    }
}
