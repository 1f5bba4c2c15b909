using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Protos.V1;
using Google.Protobuf;

namespace ActorSegments.Cli.Commands.Experiments;

/// <summary>
/// <c>--file PATH</c>: an experiment in the proto's JSON form, the body of the HTTP create route and what
/// <c>experiments show NAME --format json</c> prints (its output-only fields are ignored). A file that is missing or
/// not such JSON is a usage error: nothing is sent.
/// </summary>
internal sealed class ExperimentFile
{
    public Option<FileInfo> File { get; } = new("--file", "-f")
    {
        Description = "The experiment as JSON (the API's form: experimentId, name, channel, assignment, audience, arms, metrics, ...)",
        Required = true,
    };

    public Experiment Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var file = parse.GetRequiredValue(File);
        if (!file.Exists)
        {
            throw new UsageException($"No experiment file at '{file.FullName}'.");
        }

        try
        {
            return JsonParser.Default.Parse<Experiment>(System.IO.File.ReadAllText(file.FullName));
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new UsageException($"'{file.Name}' is not an experiment in JSON form: {ex.Message}", ex);
        }
        catch (InvalidJsonException ex)
        {
            throw new UsageException($"'{file.Name}' is not valid JSON: {ex.Message}", ex);
        }
    }
}
