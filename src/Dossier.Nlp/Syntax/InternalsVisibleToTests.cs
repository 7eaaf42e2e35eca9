// The syntax tests check internal data structures (LinearModel's scoring layout) against plain reference code.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Dossier.Nlp.Tests")]
