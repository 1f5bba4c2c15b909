using System.Reflection;
using ActorSegments.Protos.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace ActorSegments.Server.Tests;

/// <summary>
/// Request messages that are not valid protobuf, sent as raw bytes to every method of every service the server lists:
/// INVALID_ARGUMENT (the message is bad input), never UNKNOWN, and on a stream of batches a refused batch, not the end
/// of the stream.
/// </summary>
public sealed class MalformedMessageTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    /// <summary>Tag 0 is never valid, whatever the message type.</summary>
    private static readonly byte[] ZeroTag = [0x00];

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    [Fact]
    public async Task EveryMethodOfEveryService_AnswersAnUnparseableMessageWithInvalidArgument()
    {
        var services = await ListedServicesAsync();
        var anonymous = Server.As(apiKey: null).Invoker; // parsing comes first: no key is needed to be told
        var outcomes = new List<string>();
        foreach (var service in services)
        {
            foreach (var method in service.Methods)
            {
                foreach (var (name, payload) in Payloads(method.InputType))
                {
                    var status = await CallAsync(method, payload, method.IsClientStreaming ? Server.As(RunningServer.BootstrapKey).Invoker : anonymous);
                    outcomes.Add($"{method.FullName} {name}: {status}");
                }
            }
        }

        Assert.Contains(services, s => s.FullName == "actorsegments.v1.IngestService");
        Assert.Contains(services, s => s.FullName == "grpc.health.v1.Health");
        Assert.All(outcomes, outcome => Assert.EndsWith(": InvalidArgument", outcome, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACustomerIdWithInvalidUtf8OnAStream_IsRefusedAsABatchAndTheStreamGoesOn()
    {
        var customer = Events.NewCustomerId();
        var method = new Method<byte[], byte[]>(MethodType.DuplexStreaming, IngestService.Descriptor.FullName, "TrackStream", Raw, Raw);
        using var call = Server.As(RunningServer.BootstrapKey).Invoker.AsyncDuplexStreamingCall(method, null, new CallOptions(cancellationToken: Ct));
        var valid = new TrackBatchRequest { Events = { Events.Make(customer) } }.ToByteArray();
        var broken = (byte[])valid.Clone();
        var at = valid.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(customer));
        broken[at] = 0xED; // a lone surrogate's first byte: not UTF-8

        await call.RequestStream.WriteAsync(broken, Ct);
        await call.RequestStream.WriteAsync(valid, Ct);
        await call.RequestStream.CompleteAsync();
        var acks = new List<TrackStreamAck>();
        while (await call.ResponseStream.MoveNext(Ct))
        {
            acks.Add(TrackStreamAck.Parser.ParseFrom(call.ResponseStream.Current));
        }

        Assert.Equal([(0L, 0), (1L, 1)], acks.Select(a => (a.Batch, a.Applied)));
        var refused = Assert.Single(acks[0].Rejections);
        Assert.Equal((-1, "events"), (refused.Index, refused.Field));
        Assert.Contains("invalid UTF-8", refused.Description, StringComparison.Ordinal);
        Assert.Empty(acks[1].Rejections);
    }

    /// <summary>How the call ended: the status of the failure, or for a stream of batches its first acknowledgement.</summary>
    private static async Task<string> CallAsync(MethodDescriptor descriptor, byte[] payload, CallInvoker invoker)
    {
        var method = RawMethods.For(descriptor);
        var options = new CallOptions(cancellationToken: Ct);
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, payload);
                    return "OK";
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, payload))
                    {
                        await call.ResponseStream.MoveNext(Ct);
                        return "OK";
                    }

                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await call.RequestStream.WriteAsync(payload, Ct);
                        await call.RequestStream.CompleteAsync();
                        if (!await call.ResponseStream.MoveNext(Ct))
                        {
                            return "OK";
                        }

                        // A stream of batches refuses the batch and goes on (see the test above).
                        var ack = TrackStreamAck.Parser.ParseFrom(call.ResponseStream.Current);
                        return ack.Rejections is [{ Index: -1 }] && ack.Applied == 0 ? "InvalidArgument" : ack.ToString();
                    }
            }
        }
        catch (RpcException ex)
        {
            return ex.StatusCode.ToString();
        }
    }

    /// <summary>A zero tag, and where the message has a string field, invalid UTF-8 in it.</summary>
    private static IEnumerable<(string Name, byte[] Payload)> Payloads(MessageDescriptor message)
    {
        yield return ("zero tag", ZeroTag);
        if (message.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.String && !f.IsRepeated) is { } text)
        {
            yield return ($"invalid UTF-8 in {text.Name}", [.. Varint((uint)(text.FieldNumber << 3) | 2), 0x01, 0xED]);
        }
    }

    private static IEnumerable<byte> Varint(uint value)
    {
        for (; value >= 0x80; value >>= 7)
        {
            yield return (byte)(value | 0x80);
        }

        yield return (byte)value;
    }

    /// <summary>The services the server lists over reflection, with their descriptors.</summary>
    private async Task<List<ServiceDescriptor>> ListedServicesAsync()
    {
        var known = new[] { typeof(IngestService), typeof(global::Grpc.Health.V1.Health), typeof(ServerReflection) }
            .SelectMany(t => t.Assembly.GetTypes())
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(f => f.Services)
            .DistinctBy(s => s.FullName)
            .ToDictionary(s => s.FullName, StringComparer.Ordinal);
        using var call = new ServerReflection.ServerReflectionClient(Server.Channel).ServerReflectionInfo(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.All(listed, name => Assert.True(known.ContainsKey(name), $"no descriptor known for {name}"));
        return [.. listed.Select(name => known[name])];
    }
}
