namespace Dossier.Extraction.Events;

/// <summary>A predicate that may be an event, as <see cref="TriggerFinder"/> found it.</summary>
/// <param name="Trigger">The token the event is anchored on (a verb or an event noun).</param>
/// <param name="Clause">The verb of the clause the event belongs to: the trigger, or the light or status verb of a noun.</param>
/// <param name="Code">The CAMEO code chosen for it (<see cref="EventCodeChooser"/>).</param>
/// <param name="SubjectIsTarget">The subject undergoes the act ("appear in court", "faces trial").</param>
/// <param name="IsNoun">The trigger is an event noun.</param>
/// <param name="Absorbs">A light verb ("held talks"): the verb is part of this event, not one of its own.</param>
/// <param name="Demanded">For a demand read off "X said Y must ...": the predicate demanded; else -1.</param>
/// <param name="PossessorUndergoes">An event noun whose possessor undergoes it ("his trial", "X's arrest").</param>
/// <param name="Asked">For a request read off "X asked Y to V": the act asked for (V), which is no event of its own; else -1.</param>
internal sealed record EventCandidate(int Trigger, int Clause, string Code, bool SubjectIsTarget, bool IsNoun, bool Absorbs = false, int Demanded = -1, int Asked = -1, bool PossessorUndergoes = false);
