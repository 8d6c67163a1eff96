using System.Text.Encodings.Web;
using System.Text.Unicode;
using Gongkai.Infrastructure;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Search;
using Gongkai.Web.Api;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace Gongkai.Web;

/// <summary>The web host's table of contents: what it registers and in which order requests flow.</summary>
public static class GongkaiWeb
{
    public static WebApplicationBuilder AddGongkai(this WebApplicationBuilder builder)
    {
        var settings = GongkaiSettings.From(builder.Configuration, demoDataByDefault: builder.Environment.IsDevelopment());
        var services = builder.Services;

        // Razor would otherwise write every Chinese character as &#x…; (TECH-NOTES §1).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.AddGongkaiInfrastructure(settings);
        services.AddGongkaiSearch(settings);
        services.AddHostedService<SearchIndexStartup>();
        services.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToDbContext<GongkaiDbContext>();
        services.AddGongkaiIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddStaffSecurity();
        services.AddCheckerRateLimit(builder.Configuration);
        services.Configure<ApiClientOptions>(o => builder.Configuration.GetSection("Gongkai:ApiClients").Bind(o.Clients));
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Gongkai.Web.Pages.Shared.PortalContext>();
        services.AddScoped<Gongkai.Web.Agencies.AgencyCommands>();

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", StaffPolicies.Staff);
            o.Conventions.AllowAnonymousToPage("/Admin/Login");
            o.Conventions.AllowAnonymousToPage("/Admin/AccessDenied");
            o.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(new MustChangePasswordFilter()));
            // Pages that read one uploaded document each take the configured upload limit (docs/security.md).
            foreach (var page in new[] { "/Reports/Check", "/Admin/Requests/Import", "/Admin/Reports/Article20" })
            {
                o.Conventions.AddPageApplicationModelConvention(page, m => UploadLimits.Apply(m, settings.Uploads.MaxUploadBytes + UploadLimits.FormOverhead));
            }
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // A refused upload that reached the exception handler still says why, in Chinese.
            if (c.Exception is Gongkai.Infrastructure.Files.UntrustedFileException refused)
            {
                c.ProblemDetails.Title = refused.Title;
                c.ProblemDetails.Detail = refused.Message;
            }
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Gongkai 政府信息公开平台 API";
            doc.Info.Description = "机关、节假日安排等接口。写操作需要以工作人员身份登录（Cookie）。错误以 RFC 9457 ProblemDetails 返回。";
            return Task.CompletedTask;
        }));
        services.AddHostedService<Gongkai.Web.Requests.MailOutboxService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UseGongkai(this WebApplication app)
    {
        // Machines get ProblemDetails; people get a page in Chinese. Never a stack trace.
        app.UseWhen(c => IsApi(c.Request.Path), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request.Path), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf });
            pages.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        });

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/api-docs") && !context.Request.Path.StartsWithSegments("/openapi"))
            {
                // Published bodies are sanitized when saved; the policy is the second wall: only our own scripts run.
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            }

            await next();
        });

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseUploadLimits();

        app.MapRazorPages();
        app.MapGongkaiApi();
        app.MapFeeds();
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Gongkai API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = DatabaseHealthCheck.WriteJsonAsync,
        });
        return app;
    }

    /// <summary>Migrates and seeds; passwords made on first run are shown once here, on the console only.</summary>
    public static async Task InitializeGongkaiAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var credentials = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (credentials.Count > 0)
        {
            ShowCredentials(credentials, Console.Out);
        }
    }

    public static void ShowCredentials(IReadOnlyList<IssuedCredential> credentials, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("==================== Gongkai 初始账号（只显示这一次，请妥善保存） ====================");
        foreach (var c in credentials)
        {
            output.WriteLine($"  {StaffRoles.DisplayName(c.Role),-14} 用户名 {c.UserName,-12} 密码 {c.Password}{(c.OneTime ? "（一次性密码，首次登录后须修改）" : "")}");
        }

        output.WriteLine("  后台登录：/admin/login");
        output.WriteLine("=====================================================================================");
        output.WriteLine();
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    /// <summary>A body too large or too slow (Kestrel) and a refused upload keep their own status; anything else is a 500.</summary>
    private static int StatusOf(Exception e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        Gongkai.Infrastructure.Files.UntrustedFileException refused => refused.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
