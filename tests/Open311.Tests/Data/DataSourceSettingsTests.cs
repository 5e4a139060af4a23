using Npgsql;
using Open311.Core.Data;

namespace Open311.Tests.Data;

/// <summary>The connection settings the service adds for speed (bench/README.md), and that a connection string's own choice wins.</summary>
public class DataSourceSettingsTests
{
    [Fact]
    public void StatementsArePrepared_AndConnectionsReturnWithoutTheReset()
    {
        var settings = SettingsOf("Host=127.0.0.1;Database=open311");
        Assert.Equal(Open311Database.AutoPreparedStatements, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
    }

    [Fact]
    public void TheConnectionStringsOwnChoice_Wins()
    {
        var settings = SettingsOf("Host=127.0.0.1;Database=open311;Max Auto Prepare=5;No Reset On Close=false");
        Assert.Equal(5, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }

    /// <summary>A pooler in transaction mode may need preparation off (docs/scaling.md): 0 must stay 0.</summary>
    [Fact]
    public void MaxAutoPrepareZero_TurnsPreparationOff()
    {
        Assert.Equal(0, SettingsOf("Host=127.0.0.1;Database=open311;Max Auto Prepare=0").MaxAutoPrepare);
    }

    private static NpgsqlConnectionStringBuilder SettingsOf(string connectionString)
    {
        using var dataSource = Open311Database.CreateDataSource(connectionString);
        return new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
    }
}
