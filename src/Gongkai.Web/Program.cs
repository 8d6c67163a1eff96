using Gongkai.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddGongkai();

var app = builder.Build();
app.UseGongkai();
await app.InitializeGongkaiAsync();
await app.RunAsync();
