namespace Dossier.Storage;

/// <summary>What a store is opened for.</summary>
public enum StoreAccess
{
    /// <summary>Reading and adding documents; opening creates and migrates the store as needed.</summary>
    ReadWrite,

    /// <summary>Reading only: the store never takes the write lock, so reads never wait for another process's write.</summary>
    ReadOnly,
}
