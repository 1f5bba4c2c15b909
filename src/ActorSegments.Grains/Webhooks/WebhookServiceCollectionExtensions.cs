using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActorSegments.Grains.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>The webhook destinations service, the sender, and the keeper that runs the delivery workers.</summary>
    public static IServiceCollection AddActorSegmentsWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<WebhookDefinitions>();
        services.TryAddSingleton<WebhookKeeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WebhookKeeper>());
        return services;
    }
}
