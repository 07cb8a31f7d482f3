using System.Collections.Frozen;
using System.Text;
using NJsonSchema;
using NJsonSchema.Validation.FormatValidators;

namespace StrategicCities.Core.Forms.Validation;

internal sealed partial class CompiledSchema
{
    private sealed class Node(JsonSchema schema)
    {
        public JsonSchema Schema { get; } = schema;

        public JsonObjectType Type => Schema.Type;

        public bool Nullable { get; init; }

        public PatternMatcher? Pattern { get; init; }

        public IFormatValidator[]? Formats { get; init; }

        public FrozenSet<string>? Enum
        {
            get;
            init
            {
                field = value;
                EnumLookup = value?.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }

        public bool AllowAdditional => Schema.AllowAdditionalProperties;

        public Node? Item { get; set; }

        public Property[] Properties { get; set; } = [];

        public FrozenDictionary<string, int> Index
        {
            get;
            set
            {
                field = value;
                Lookup = value.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        } = FrozenDictionary<string, int>.Empty;

        /// <summary><see cref="Index"/> by characters, for names read without making a string.</summary>
        public FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; private set; } =
            FrozenDictionary<string, int>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

        public string[] OtherRequired { get; set; } = [];

        /// <summary><see cref="OtherRequired"/> as a document's raw bytes spell them, for the fast check.</summary>
        public byte[][] OtherRequiredUtf8 { get; set; } = [];

        /// <summary>
        /// The properties required, as bits by position, then the other required names after them; used by the fast
        /// check when there are 64 or fewer of both.
        /// </summary>
        public ulong RequiredBits { get; set; }

        /// <summary>Whether a property is required: then a value that is not an object is an error unless the type is null.</summary>
        public bool AnyRequired { get; set; }

        /// <summary>Whether a string value has anything to check besides its type (the enum aside).</summary>
        public bool ChecksStrings { get; set; }

        /// <summary>Whether a number has a range or multipleOf to check.</summary>
        public bool ChecksNumbers { get; set; }

        /// <summary><see cref="Enum"/> by characters, for strings read without making one.</summary>
        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? EnumLookup { get; private init; }
    }

    private sealed record Property(string Name, Node Node, bool Required, bool Nullable)
    {
        /// <summary>The name as a document's raw bytes spell it when it has no escapes.</summary>
        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(Name);
    }
}
