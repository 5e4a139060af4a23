using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Clients;
using Open311.Core.Requests;

namespace Open311.Core.Data;

/// <summary>The one DbContext. The schema itself comes from the SQL files in Data/Migrations.</summary>
public class Open311Db(DbContextOptions<Open311Db> options) : DbContext(options)
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ServiceCategory> Services => Set<ServiceCategory>();
    public DbSet<ServiceAttribute> ServiceAttributes => Set<ServiceAttribute>();
    public DbSet<AttributeValue> AttributeValues => Set<AttributeValue>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<ServiceRequest> Requests => Set<ServiceRequest>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestMedia> RequestMedia => Set<RequestMedia>();
    public DbSet<ProtocolCounter> ProtocolCounters => Set<ProtocolCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Open311Db).Assembly);
        SnakeCaseColumns.Apply(modelBuilder);
    }
}
