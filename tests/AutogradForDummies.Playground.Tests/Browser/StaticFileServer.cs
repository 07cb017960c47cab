using System.Net;
using System.Net.Sockets;

namespace AutogradForDummies.Playground.Tests.Browser;

/// <summary>
/// A plain static file server on 127.0.0.1, as a learner's own server or GitHub Pages would serve the published
/// site: files by path under one base path, the right content types, index.html for a folder, nothing else.
/// </summary>
internal sealed class StaticFileServer : IDisposable
{
    private static readonly Dictionary<string, string> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript",
        [".mjs"] = "text/javascript",
        [".css"] = "text/css",
        [".json"] = "application/json",
        [".wasm"] = "application/wasm",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
        [".dat"] = "application/octet-stream",
        [".pdb"] = "application/octet-stream",
    };

    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly string _basePath;
    private readonly Task _loop;

    /// <summary>Starts serving <paramref name="folder"/> under <paramref name="basePath"/> (such as /playground/).</summary>
    public StaticFileServer(string folder, string basePath)
    {
        _folder = Path.GetFullPath(folder);
        _basePath = basePath;
        int port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{port}{basePath}");
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Gets the address of the site.</summary>
    public Uri Address { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending request.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private async Task Respond(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            string? file = null;
            if (path.StartsWith(_basePath, StringComparison.Ordinal))
            {
                string relative = path[_basePath.Length..];
                string candidate = Path.GetFullPath(Path.Combine(_folder, relative.Length == 0 ? "index.html" : relative));
                if (Directory.Exists(candidate))
                {
                    candidate = Path.Combine(candidate, "index.html");
                }

                if (candidate.StartsWith(_folder, StringComparison.Ordinal) && File.Exists(candidate))
                {
                    file = candidate;
                }
            }

            if (file is null)
            {
                response.StatusCode = 404;
                return;
            }

            response.ContentType = s_types.TryGetValue(Path.GetExtension(file), out var type) ? type : "application/octet-stream";
            var bytes = await File.ReadAllBytesAsync(file);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away mid-response.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (ObjectDisposedException)
            {
                // Already closed with the listener.
            }
        }
    }
}
