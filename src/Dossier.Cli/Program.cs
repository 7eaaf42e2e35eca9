using Dossier.Cli;

// `serve` restarts itself with the code generation a long-running server needs (ServerCodeGeneration); others go on.
ServerCodeGeneration.RestartServeIfNeeded(args);
using var stop = StopSignal.Install();
return await DossierCli.RunAsync(args, Console.Out, Console.Error, stop);
