using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;

namespace ActorSegments.Server.Tests;

/// <summary>What a grain's failure looks like to a gateway on another silo.</summary>
public sealed class SiloSerializationTests
{
    [Fact]
    public async Task ADatabaseFailure_CrossesSilosAsItselfSoTheGatewayAnswersUnavailableNotInternal()
    {
        await using var app = ServerApplication.Build([]);
        var serializer = app.Services.GetRequiredService<Serializer>();
        Exception thrown = new InvalidOperationException("activation failed", new NpgsqlException("Failed to connect to 127.0.0.1:5432"));

        var received = serializer.Deserialize<Exception>(serializer.SerializeToArray(thrown));

        Assert.NotNull(received);
        var inner = Assert.IsType<NpgsqlException>(received.InnerException);
        Assert.Equal("Failed to connect to 127.0.0.1:5432", inner.Message);
    }
}
