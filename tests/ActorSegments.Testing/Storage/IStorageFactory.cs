namespace ActorSegments.Testing.Storage;

/// <summary>Sets up one storage implementation for the contract tests; each test project supplies its own.</summary>
public interface IStorageFactory
{
    /// <summary>A fresh, empty storage; <paramref name="purpose"/> names it after the test (a database name, say).</summary>
    static abstract Task<StorageUnderTest> StartAsync(string purpose);
}
