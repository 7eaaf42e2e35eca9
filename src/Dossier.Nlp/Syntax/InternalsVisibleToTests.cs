// The syntax tests check internal data structures (LinearModel's scoring layout) against plain reference code.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Dossier.Nlp.Tests")]

// The fuzz suite draws its inputs from the same seeded generator as training (Models/SplitMix64).
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Dossier.Fuzz.Tests")]
