using ActorSegments.Server;

await ServerApplication.Build(args).RunAsync();
