namespace Dossier.Nlp.Values;

/// <summary>Currencies and units of measure, keyed by lower-case token text.</summary>
internal static class ValueLexicon
{
    /// <summary>Currency symbols written before the amount.</summary>
    public static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["$"] = "USD", ["£"] = "GBP", ["€"] = "EUR", ["¥"] = "JPY", ["₹"] = "INR", ["₩"] = "KRW", ["₽"] = "RUB",
        ["₺"] = "TRY", ["₪"] = "ILS", ["₦"] = "NGN", ["rs"] = "INR", ["rs."] = "INR", ["r$"] = "BRL",
    };

    /// <summary>Letters glued before "$": "US$", "C$", "A$", "HK$".</summary>
    public static readonly Dictionary<string, string> DollarPrefixes = new(StringComparer.Ordinal)
    {
        ["us"] = "USD", ["u.s."] = "USD", ["c"] = "CAD", ["ca"] = "CAD", ["can"] = "CAD", ["a"] = "AUD", ["au"] = "AUD",
        ["hk"] = "HKD", ["nz"] = "NZD", ["s"] = "SGD", ["nt"] = "TWD", ["r"] = "BRL", ["mx"] = "MXN",
    };

    /// <summary>ISO codes accepted before or after an amount ("USD 5 million", "5 million EUR").</summary>
    public static readonly HashSet<string> IsoCodes = new(StringComparer.Ordinal)
    {
        "usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "cad", "aud", "chf", "hkd", "nzd", "sgd", "krw", "rub", "brl",
        "mxn", "zar", "try", "sek", "nok", "dkk", "pln", "ils", "ngn", "kes", "egp", "sar", "aed", "pkr", "idr", "thb",
    };

    /// <summary>Currency words after the amount.</summary>
    public static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["dollar"] = "USD", ["dollars"] = "USD", ["euro"] = "EUR", ["euros"] = "EUR", ["yen"] = "JPY", ["yuan"] = "CNY",
        ["renminbi"] = "CNY", ["rupee"] = "INR", ["rupees"] = "INR", ["ruble"] = "RUB", ["rubles"] = "RUB", ["rouble"] = "RUB",
        ["roubles"] = "RUB", ["franc"] = "CHF", ["francs"] = "CHF", ["peso"] = "MXN", ["pesos"] = "MXN", ["won"] = "KRW",
        ["sterling"] = "GBP", ["shekel"] = "ILS", ["shekels"] = "ILS", ["rand"] = "ZAR", ["naira"] = "NGN", ["lira"] = "TRY",
        ["riyal"] = "SAR", ["riyals"] = "SAR", ["dirham"] = "AED", ["dirhams"] = "AED", ["reais"] = "BRL", ["real"] = "BRL",
        ["cent"] = "USD", ["cents"] = "USD", ["pence"] = "GBP", ["p"] = "GBP", ["rupiah"] = "IDR", ["baht"] = "THB",
        ["kronor"] = "SEK", ["krona"] = "SEK", ["kroner"] = "NOK", ["zloty"] = "PLN", ["shillings"] = "KES", ["hryvnia"] = "UAH",
        ["hryvnias"] = "UAH",
    };

    /// <summary>Adjectives that change the currency of "dollars"/"pounds"/"francs"/"rupees".</summary>
    public static readonly Dictionary<string, string> DollarAdjectives = new(StringComparer.Ordinal)
    {
        ["canadian"] = "CAD", ["australian"] = "AUD", ["singapore"] = "SGD", ["taiwan"] = "TWD", ["zealand"] = "NZD",
        ["kong"] = "HKD", ["u.s."] = "USD", ["us"] = "USD", ["american"] = "USD", ["egyptian"] = "EGP", ["swiss"] = "CHF",
        ["pakistani"] = "PKR", ["indian"] = "INR", ["mexican"] = "MXN", ["philippine"] = "PHP", ["argentine"] = "ARS",
        ["british"] = "GBP", ["lebanese"] = "LBP", ["syrian"] = "SYP", ["sri"] = "LKR", ["french"] = "FRF",
    };

    /// <summary>Units of measure and the symbol they are reported with.</summary>
    public static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["km"] = "km", ["kms"] = "km", ["kilometer"] = "km", ["kilometers"] = "km", ["kilometre"] = "km", ["kilometres"] = "km",
        ["mile"] = "mi", ["miles"] = "mi", ["mi"] = "mi", ["meter"] = "m", ["meters"] = "m", ["metre"] = "m", ["metres"] = "m",
        ["cm"] = "cm", ["centimeters"] = "cm", ["centimetres"] = "cm", ["mm"] = "mm", ["millimeters"] = "mm", ["millimetres"] = "mm",
        ["foot"] = "ft", ["feet"] = "ft", ["ft"] = "ft", ["inch"] = "in", ["inches"] = "in", ["yard"] = "yd", ["yards"] = "yd",
        ["tonne"] = "t", ["tonnes"] = "t", ["ton"] = "ton", ["tons"] = "ton", ["kg"] = "kg", ["kgs"] = "kg", ["kilogram"] = "kg",
        ["kilograms"] = "kg", ["kilogrammes"] = "kg", ["kilos"] = "kg", ["kilo"] = "kg", ["gram"] = "g", ["grams"] = "g",
        ["g"] = "g", ["mg"] = "mg", ["pound"] = "lb", ["pounds"] = "lb", ["lb"] = "lb", ["lbs"] = "lb", ["ounce"] = "oz",
        ["ounces"] = "oz", ["oz"] = "oz", ["liter"] = "l", ["liters"] = "l", ["litre"] = "l", ["litres"] = "l",
        ["gallon"] = "gal", ["gallons"] = "gal", ["barrel"] = "bbl", ["barrels"] = "bbl", ["bpd"] = "bbl/d",
        ["acre"] = "acre", ["acres"] = "acre", ["hectare"] = "ha", ["hectares"] = "ha", ["ha"] = "ha",
        ["mph"] = "mph", ["kph"] = "km/h", ["km/h"] = "km/h", ["knots"] = "kn", ["degrees"] = "°", ["°c"] = "°C", ["°f"] = "°F",
        ["mw"] = "MW", ["megawatts"] = "MW", ["megawatt"] = "MW", ["gw"] = "GW", ["gigawatts"] = "GW", ["kw"] = "kW",
        ["kilowatts"] = "kW", ["kwh"] = "kWh", ["mwh"] = "MWh", ["gwh"] = "GWh", ["twh"] = "TWh",
        ["gb"] = "GB", ["tb"] = "TB", ["mb"] = "MB", ["gigabytes"] = "GB", ["megabytes"] = "MB", ["terabytes"] = "TB",
        ["cubic"] = "", ["square"] = "",
    };

    /// <summary>Words that mean a number is not a count on its own: "one" as a pronoun.</summary>
    public static readonly HashSet<string> PronounOneBefore = new(StringComparer.Ordinal)
    {
        "no", "any", "every", "some", "the", "this", "that", "each", "which", "someone", "anyone", "little", "a", "another",
    };
}
