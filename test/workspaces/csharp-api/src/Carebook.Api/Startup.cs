using System;
using Carebook.Api.Data;
using Carebook.Api.ErrorHandling;
using Carebook.Api.Infrastructure;
using Carebook.Api.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Carebook.Api
{
    public class Startup
    {
        public Startup(IConfiguration configuration)
        {
            Configuration = configuration;
        }

        public IConfiguration Configuration { get; }

        public void ConfigureServices(IServiceCollection services)
        {
            services.AddControllers()
                .AddNewtonsoftJson()
                .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = ValidationProblemFactory.Create);
            services.AddSingleton<ClinicStore>();
            services.AddSingleton<ApiKeyStore>();
            services.AddHttpClient<VideoVisitClient>(client => client.BaseAddress = new Uri(Configuration["VideoProvider:BaseUrl"] + "/"));
            services.AddHttpClient<InsuranceEligibilityClient>(client =>
            {
                client.BaseAddress = new Uri(Configuration["Insurance:BaseUrl"] + "/");
                client.Timeout = TimeSpan.FromSeconds(8);
            });
        }

        public void Configure(IApplicationBuilder app)
        {
            // The error middleware goes first so that it sees what every later one throws.
            app.UseMiddleware<ErrorHandlingMiddleware>();
            app.UseMiddleware<RateLimitMiddleware>();
            app.UseMiddleware<ApiKeyAuthenticationMiddleware>();
            app.UseRouting();
            app.UseEndpoints(endpoints =>
            {
                endpoints.MapControllers();
                endpoints.MapPost("/webhooks/video", VideoWebhookHandler.HandleAsync);
                endpoints.MapGet("/health", context => context.Response.WriteAsync("ok"));
            });
        }
    }
}
