using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// A read-only connection of the <see cref="ReaderPool"/> and the commands prepared on it, one per SQL text, so that a
/// query asked again is bound and run without being parsed and planned again. Used by one caller at a time.
/// </summary>
internal sealed class ReadSession(SqliteConnection connection) : IDisposable
{
    /// <summary>How many distinct SQL texts a session keeps prepared; beyond that, commands are made for one use.</summary>
    public const int Capacity = 256;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<SqliteCommand> _oneOff = [];

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The command for <paramref name="sql"/> with these parameter values (null as SQL NULL). The session owns
    /// it: callers dispose its reader, not the command, and are done with it before asking for the next.</summary>
    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            if (_commands.Count < Capacity)
            {
                _commands.Add(sql, command);
            }
            else
            {
                _oneOff.Add(command);
            }
        }

        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Called when the session goes back to the pool: the commands made for one use are done with.</summary>
    public void Release() => DisposeOneOffs();

    public void Dispose()
    {
        DisposeOneOffs();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }

    private void DisposeOneOffs()
    {
        foreach (var command in _oneOff)
        {
            command.Dispose();
        }

        _oneOff.Clear();
    }
}
