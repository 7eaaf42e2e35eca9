using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>Small helpers over Npgsql commands: named parameters (<c>@name</c>; a null value is a NULL of type text, an
/// <see cref="NpgsqlParameter"/> value is taken as it is), reading rows, and the text dates the schema keeps.</summary>
internal static class Pg
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter(name.TrimStart('@'), NpgsqlDbType.Text) { Value = DBNull.Value },
                NpgsqlParameter given => given,
                _ => new NpgsqlParameter(name.TrimStart('@'), value),
            });
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    public static async Task<long?> LongAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var value = await ScalarAsync(connection, transaction, sql, cancellationToken, parameters).ConfigureAwait(false);
        return value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> ReadAllAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(read(reader));
        }

        return list;
    }

    /// <summary>A bigint parameter that keeps its type when null: a statement then has the same parameter types whatever
    /// the value, so the connection's prepared statement serves both (with a text NULL, Npgsql prepared it again each time
    /// the type changed, and the server planned it again).</summary>
    public static NpgsqlParameter Bigint(string name, long? value) =>
        new(name.TrimStart('@'), NpgsqlDbType.Bigint) { Value = value is { } v ? v : DBNull.Value };

    public static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int Int(NpgsqlDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long Long(NpgsqlDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long? NullableLong(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Long(reader, ordinal);

    public static double Double(NpgsqlDataReader reader, int ordinal) => Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : DateOnly.TryParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
