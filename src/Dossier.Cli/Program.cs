using Dossier.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C: stop after the current document's transaction; nothing partial is stored.
    e.Cancel = true;
    cancel.Cancel();
};
return await DossierCli.RunAsync(args, Console.Out, Console.Error, cancel.Token);
