using Dossier.Cli;

using var stop = StopSignal.Install();
return await DossierCli.RunAsync(args, Console.Out, Console.Error, stop);
