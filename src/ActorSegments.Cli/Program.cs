using ActorSegments.Cli;

return await CliApplication.RunAsync(args, CliConsole.Create(Console.Out, Console.IsOutputRedirected));
