using ActorSegments.Server;
using ActorSegments.Server.Hosting;

if (MigrateOnlyCommand.IsRequested(args))
{
    return await MigrateOnlyCommand.RunAsync(args);
}

await ServerApplication.Build(args).RunAsync();
return 0;
