using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Infrastructure.Persistence;

public static class PersistenceServices
{
    /// <summary>The database, identity stores and calendar, as the web host and the CLI both need them.</summary>
    public static IServiceCollection AddGongkaiInfrastructure(this IServiceCollection services, GongkaiSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        // The search index and mail waiting to go out live here on every provider.
        DataDirectory.EnsurePrivate(settings.DataDirectory);
        services.AddSingleton(settings.Uploads);
        services.AddSingleton<Files.UntrustedFileGate>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<GongkaiDbContext, SqliteGongkaiDbContext>((sp, o) =>
            {
                ConfigureSqlite(o, settings.ConnectionString);
                // Whatever the host adds to follow saves (the web portal's cache).
                o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            });
        }
        else
        {
            services.AddDbContext<GongkaiDbContext, PostgresGongkaiDbContext>((sp, o) =>
            {
                ConfigurePostgres(o, settings.ConnectionString);
                // Whatever the host adds to follow saves (the web portal's cache).
                o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            });
        }

        services.AddSingleton(Nodes.NodeIdentity.From(settings.NodeName));
        services.AddScoped<Nodes.JobLeases>();
        services.AddScoped<Nodes.ChangeFeedReader>();
        services.AddSingleton<CalendarCache>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<Requests.RequestStore>();
        services.AddScoped<Requests.SameInformationStore>();
        services.AddScoped<Requests.NoticeWriter>();
        services.AddScoped<Requests.Mailer>();
        services.AddScoped<Reminders.ReminderStore>();
        services.AddScoped<Reminders.ReminderSender>();
        services.AddScoped<Requests.LedgerImport>();
        services.AddScoped<AnnualReports.ReportBuilder>();
        services.AddScoped<Statistics.PublicStatistics>();
        services.AddScoped<Supervision.SupervisionDashboard>();
        services.AddScoped<Supervision.SupervisedReportStore>();
        services.AddScoped<AnnualReports.ReportLifecycle>();
        services.AddScoped<AnnualReports.ReportLocks>();
        services.AddScoped<AnnualReports.ReportContentStore>();
        services.AddScoped<Appeals.AppealStore>();
        services.AddScoped<Demo.DemoHistory>();
        services.AddScoped<AnnualReports.EnteredArticle20Source>();
        services.AddScoped<AnnualReports.IArticle20Source, Publications.RecordedArticle20Source>();
        services.AddScoped<Publications.PublicationStore>();
        services.AddScoped<Interaction.LetterStore>();
        services.AddSingleton<Interaction.PersonNames>();
        services.AddScoped<Participation.ConsultationStore>();
        services.AddScoped<Publications.GazetteStore>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>Identity stores and rules; the web host adds sign-in and cookies on top.</summary>
    public static IdentityBuilder AddGongkaiIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddUserValidator<StaffUserValidator>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(GongkaiDbContext).Assembly.FullName));

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(GongkaiDbContext).Assembly.FullName));
}

/// <summary>
/// Used only by <c>dotnet ef migrations add … --context SqliteGongkaiDbContext</c> (see README); the connection is never opened.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGongkaiDbContext>
{
    public SqliteGongkaiDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteGongkaiDbContext>();
        PersistenceServices.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteGongkaiDbContext(builder.Options);
    }
}

/// <summary>Used only by <c>dotnet ef migrations add … --context PostgresGongkaiDbContext</c>; the connection is never opened.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGongkaiDbContext>
{
    public PostgresGongkaiDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresGongkaiDbContext>();
        PersistenceServices.ConfigurePostgres(builder, "Host=localhost;Database=design_time");
        return new PostgresGongkaiDbContext(builder.Options);
    }
}
