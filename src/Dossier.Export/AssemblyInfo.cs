using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Dossier.Export.Tests")]
