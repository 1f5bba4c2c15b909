namespace ActorSegments.Testing.Storage.Modeling;

/// <summary>Sets up one implementation of the machine learning stores for their contract tests.</summary>
public interface IModelingStorageFactory
{
    /// <summary>Fresh, empty stores; <paramref name="purpose"/> names them after the test (a database name, say).</summary>
    static abstract Task<ModelingStorageUnderTest> StartAsync(string purpose);
}
