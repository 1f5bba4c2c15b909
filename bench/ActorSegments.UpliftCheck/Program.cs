using ActorSegments.UpliftCheck;

// Trains and evaluates an uplift model on the synthetic randomized campaign (see bench/uplift-check.sh): markdown on
// stdout, progress on stderr, the evaluation scores and the C# figures in --out for bench/ml/qini_peer.py.
if (UpliftCheckOptions.Parse(args, Console.Out, Console.Error, out var exitCode) is not { } options)
{
    return exitCode;
}

UpliftCheckRun.Run(options, Console.Out, Console.Error);
return 0;
