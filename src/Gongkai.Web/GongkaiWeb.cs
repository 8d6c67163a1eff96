using System.Text.Encodings.Web;
using System.Text.Unicode;
using Gongkai.Infrastructure;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Nodes;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Search;
using Gongkai.Web.Api;
using Gongkai.Web.Scaling;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.DataProtection;
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

        // Razor would otherwise write every Chinese character as &#x…; (the default encoder allows Basic Latin only).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        services.AddGongkaiInfrastructure(settings);
        services.AddGongkaiSearch(settings, follow: true);
        services.AddGongkaiJobs();
        services.Configure<JobOptions>(builder.Configuration.GetSection("Gongkai:Jobs"));
        services.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToDbContext<GongkaiDbContext>();
        services.AddHostingSecurity(builder.Configuration, settings);
        services.AddGongkaiIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddStaffSecurity();
        services.AddRateLimits(builder.Configuration);
        services.AddSharedState(builder.Configuration);
        services.AddGongkaiTelemetry(builder.Configuration, NodeIdentity.From(settings.NodeName));
        services.AddSingleton<TrackingGuard>();
        services.AddSingleton<LoginThrottle>();
        services.Configure<ApiClientOptions>(o => builder.Configuration.GetSection("Gongkai:ApiClients").Bind(o.Clients));
        services.AddHttpContextAccessor();
        services.AddScoped<RequestDay>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<PersonalDataView>();
        services.AddScoped<Gongkai.Web.Pages.Shared.PortalContext>();
        services.AddScoped<Gongkai.Web.Agencies.AgencyCommands>();
        // Links in reminder e-mails point at the site's public address.
        services.AddSingleton(sp => new Gongkai.Infrastructure.Reminders.StaffLinks(sp.GetRequiredService<HostingSecurity.Settings>().PublicBaseUrl));

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", StaffPolicies.Staff);
            o.Conventions.AllowAnonymousToPage("/Admin/Login");
            o.Conventions.AllowAnonymousToPage("/Admin/AccessDenied");
            // Pages that read one uploaded document each take the configured upload limit (docs/security.md).
            foreach (var page in new[] { "/Reports/Check", "/Admin/Requests/Import", "/Admin/Reports/Article20" })
            {
                o.Conventions.AddPageApplicationModelConvention(page, m => UploadLimits.Apply(m, settings.Uploads.MaxUploadBytes + UploadLimits.FormOverhead));
            }

            // Several reports in one form: each file within MaxUploadBytes, the whole body within twice that (docs/supervision.md).
            o.Conventions.AddPageApplicationModelConvention("/Admin/Supervision/Reports/Index", m => UploadLimits.Apply(m, (2 * settings.Uploads.MaxUploadBytes) + UploadLimits.FormOverhead));

            foreach (var page in PortalCache.Pages)
            {
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = PortalCache.Policy }));
            }
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        // Problems the framework writes itself (a body too large, a missing route) speak Chinese too; a refused
        // upload that reached the exception handler still says why.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.Exception is Gongkai.Infrastructure.Files.UntrustedFileException refused)
            {
                c.ProblemDetails.Title = refused.Title;
                c.ProblemDetails.Detail = refused.Message;
            }
            else if (c.ProblemDetails.Status is { } status && (c.ProblemDetails.Detail is null || c.Exception is not null))
            {
                (c.ProblemDetails.Title, c.ProblemDetails.Detail) = Gongkai.Web.Pages.ErrorModel.Describe(status);
            }
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Gongkai 政府信息公开平台 API";
            doc.Info.Description = "机关、节假日安排等接口。写操作需要以工作人员身份登录（Cookie）。错误以 RFC 9457 ProblemDetails 返回。";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication UseGongkai(this WebApplication app)
    {
        // Machines get ProblemDetails; people get a page in Chinese. Never a stack trace.
        var badRequests = new ExceptionHandlerOptions { StatusCodeSelector = ClientErrors.StatusOf };
        app.UseHostingSecurity();
        app.UseWhen(c => IsApi(c.Request.Path), api =>
        {
            api.UseExceptionHandler(badRequests);
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request.Path), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = badRequests.StatusCodeSelector,
            });
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

        app.UseStaticFiles(new StaticFileOptions
        {
            // Pages link our CSS and scripts with a content hash (asp-append-version): such a URL never changes content.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = c.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600",
        });
        app.UseRouting();
        app.UseBodyLimits();
        app.UseAuthentication();
        app.UseMustChangePassword();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseUploadLimits();

        app.MapRazorPages();
        app.MapGongkaiApi();
        app.MapFeeds();
        app.UseGongkaiTelemetry();
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Gongkai API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = DatabaseHealthCheck.WriteJsonAsync,
        });
        return app;
    }

    /// <summary>
    /// Migrates and seeds. A one-time administrator password made on first run goes to a file only the service's
    /// user can read, never to the console (which is the log under systemd or in a container); the demo district's
    /// accounts, fictional by design, are shown on the console as well.
    /// </summary>
    public static async Task InitializeGongkaiAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var credentials = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (credentials.Count > 0)
        {
            var file = Path.Combine(scope.ServiceProvider.GetRequiredService<GongkaiSettings>().DataDirectory, CredentialsFile);
            WriteCredentials(credentials, file);
            ShowCredentials(credentials, file, Console.Out);
        }
    }

    public const string CredentialsFile = "initial-credentials.txt";

    public static void WriteCredentials(IReadOnlyList<IssuedCredential> credentials, string file)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        text.WriteLine("Gongkai 初始账号（请登录后修改一次性密码，然后删除本文件）");
        foreach (var c in credentials)
        {
            text.WriteLine($"{StaffRoles.DisplayName(c.Role)}\t用户名 {c.UserName}\t密码 {c.Password}{(c.OneTime ? "（一次性密码，首次登录后须修改）" : "")}");
        }

        DataDirectory.WritePrivateFile(file, text.ToString());
    }

    public static void ShowCredentials(IReadOnlyList<IssuedCredential> credentials, string file, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("==================== Gongkai 初始账号 ====================");
        foreach (var c in credentials)
        {
            output.WriteLine(c.OneTime
                ? $"  {StaffRoles.DisplayName(c.Role),-14} 用户名 {c.UserName,-12} 一次性密码见 {file}（仅本机服务账号可读）"
                : $"  {StaffRoles.DisplayName(c.Role),-14} 用户名 {c.UserName,-12} 密码 {c.Password}（演示账号）");
        }

        output.WriteLine("  后台登录：/admin/login");
        output.WriteLine("==========================================================");
        output.WriteLine();
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api");

}
