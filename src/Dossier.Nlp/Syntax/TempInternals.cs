[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("synharness")]
