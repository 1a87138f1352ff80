// SPDX-FileCopyrightText: 2026 The rok authors
//
// SPDX-License-Identifier: LicenseRef-NoLicenseYet

#include "names.h"

#include <algorithm>

#include <QCoreApplication>
#include <QRandomGenerator>

namespace {

// Short, friendly words only; both lists are checked by tst_names (>= 250 entries, a-z, unique).
constexpr const char *Adjectives[] = {
        "able",      "agile",     "alert",     "amber",    "amiable",   "ample",    "apt",
        "arctic",    "ardent",    "astral",    "autumn",   "avid",      "azure",    "balmy",
        "beaming",   "blissful",  "blithe",    "bold",     "bonny",     "bouncy",   "brainy",
        "brave",     "breezy",    "bright",    "brisk",    "bubbly",    "buoyant",  "busy",
        "calm",      "candid",    "capable",   "carefree", "caring",    "cheery",   "chipper",
        "civic",     "classic",   "clean",     "clear",    "clever",    "cloudy",   "coastal",
        "cobalt",    "comfy",     "cosmic",    "cozy",     "crafty",    "crimson",  "crisp",
        "cuddly",    "curious",   "curly",     "dainty",   "dapper",    "daring",   "dashing",
        "dazzling",  "dear",      "decent",    "deft",     "devoted",   "dewy",     "diligent",
        "dreamy",    "dynamic",   "eager",     "early",    "earnest",   "elated",   "elegant",
        "eminent",   "epic",      "equal",     "even",     "exact",     "expert",   "fabled",
        "fair",      "faithful",  "fancy",     "fast",     "fearless",  "festive",  "fiery",
        "fine",      "firm",      "fleet",     "fluffy",   "flying",    "fond",     "frank",
        "free",      "fresh",     "friendly",  "frosty",   "frugal",    "funny",    "fuzzy",
        "gallant",   "gentle",    "genuine",   "giant",    "giddy",     "gifted",   "glad",
        "gleaming",  "glossy",    "glowing",   "golden",   "good",      "graceful", "grand",
        "grateful",  "great",     "green",     "gusty",    "handy",     "happy",    "hardy",
        "hearty",    "helpful",   "heroic",    "hidden",   "honest",    "hopeful",  "humble",
        "icy",       "ideal",     "inky",      "jade",     "jaunty",    "jazzy",    "jolly",
        "jovial",    "joyful",    "joyous",    "keen",     "kind",      "kindly",   "lavish",
        "leafy",     "lively",    "lofty",     "loyal",    "lucid",     "lucky",    "lunar",
        "lush",      "magic",     "majestic",  "mellow",   "merry",     "mighty",   "mild",
        "minty",     "misty",     "modern",    "modest",   "mossy",     "noble",    "nimble",
        "novel",     "oaken",     "olive",     "orange",   "orderly",   "patient",  "peppy",
        "perky",     "placid",    "playful",   "plucky",   "plush",     "polite",   "polished",
        "precise",   "prime",     "proud",     "prudent",  "quick",     "quiet",    "quirky",
        "radiant",   "rapid",     "rare",      "ready",    "regal",     "relaxed",  "robust",
        "rosy",      "royal",     "rugged",    "rustic",   "sandy",     "savvy",    "scarlet",
        "serene",    "sharp",     "shiny",     "silent",   "silky",     "silver",   "simple",
        "sincere",   "sleek",     "smart",     "smiling",  "smooth",    "snappy",   "snowy",
        "snug",      "soft",      "solar",     "solid",    "sonic",     "sparkly",  "speedy",
        "spicy",     "spirited",  "splendid",  "sporty",   "spry",      "stable",   "stately",
        "steady",    "stellar",   "sturdy",    "sublime",  "sunny",     "super",    "superb",
        "sweet",     "swift",     "tactful",   "tidy",     "tiny",      "tidal",    "topaz",
        "tranquil",  "trusty",    "upbeat",    "urban",    "valiant",   "vast",     "velvet",
        "vibrant",   "vivid",     "warm",      "wavy",     "whimsical", "wise",     "witty",
        "wonderful", "woolly",    "zany",      "zealous",  "zesty",     "zippy",    "amazing",
        "brilliant", "cheerful",  "chilly",    "cordial",  "dandy",     "fluent",   "gleeful",
        "hazel",     "honeyed",   "ivory",     "lilac",    "limber",    "lucent",   "nifty",
        "neat",      "mint",      "pastel",    "peachy",   "pearly",    "pine",     "plum",
        "poised",    "quaint",    "rapt",      "ruby",     "sage",      "scenic",   "sky",
        "spotless",  "starry",    "stormy",    "sunlit",   "tawny",     "teal",     "tender",
        "thrifty",   "tough",     "trim",      "true",     "tulip",     "vital",    "vocal",
        "wild",      "windy",     "wiry",      "wooden",   "young",     "zen",      "active",
        "adept",     "airy",      "alpine",    "aqua",     "artful",    "bashful",  "beloved",
        "blazing",   "blooming",  "bronze",    "candied",  "cedar",     "cheeky",   "chummy",
        "citrus",    "clover",    "coral",     "crystal",  "dazzled",   "dusty",    "dutiful",
        "earthy",    "ember",     "fabulous",  "famous",   "feisty",    "fern",     "fiesta",
        "flashy",    "floral",    "fleecy",    "frisky",   "gilded",    "glacial",  "glassy",
        "glittery",  "gracious",  "grassy",    "hallowed", "hilly",     "hushed",   "indigo",
        "jubilant",  "lemon",     "maple",     "marble",   "mystic",    "nautical", "nordic",
        "opal",      "pacific",   "peaceful",  "quartz",   "rainy",     "ripe",     "rocky",
        "russet",    "saffron",   "satin",     "shimmery", "skilled",   "sleepy",   "spruce",
        "sugary",    "sunset",    "tangy",     "tropical", "twinkly",   "unique",   "vernal",
        "violet",    "wandering", "whistling", "willowy",  "wintry",    "wistful",
};

constexpr const char *Animals[] = {
        "aardvark",   "albatross",  "alpaca",    "anchovy",    "angelfish",  "ant",
        "anteater",   "antelope",   "armadillo", "axolotl",    "badger",     "barracuda",
        "bat",        "beagle",     "bear",      "bee",        "beetle",     "bison",
        "bluebird",   "bluejay",    "boar",      "bobcat",     "buffalo",    "bulldog",
        "bullfrog",   "bumblebee",  "butterfly", "buzzard",    "camel",      "canary",
        "capybara",   "caracal",    "cardinal",  "caribou",    "carp",       "cat",
        "catfish",    "chameleon",  "cheetah",   "chinchilla", "chipmunk",   "cicada",
        "clam",       "clownfish",  "cobra",     "cockatoo",   "cod",        "collie",
        "condor",     "cougar",     "coyote",    "crab",       "crane",      "cricket",
        "crow",       "cuckoo",     "curlew",    "dalmatian",  "deer",       "dingo",
        "dolphin",    "donkey",     "dove",      "dragonfly",  "duck",       "dugong",
        "eagle",      "eel",        "egret",     "eland",      "elephant",   "elk",
        "emu",        "ermine",     "falcon",    "ferret",     "finch",      "firefly",
        "flamingo",   "flounder",   "fox",       "frog",       "gazelle",    "gecko",
        "gerbil",     "giraffe",    "gnu",       "goat",       "goldfish",   "goose",
        "gopher",     "grouse",     "guppy",     "gull",       "hamster",    "hare",
        "harrier",    "hawk",       "hedgehog",  "heron",      "herring",    "hippo",
        "hornet",     "horse",      "hound",     "husky",      "ibex",       "ibis",
        "iguana",     "impala",     "jaguar",    "jay",        "jellyfish",  "kangaroo",
        "kestrel",    "kingfisher", "kitten",    "kiwi",       "koala",      "kookaburra",
        "krill",      "ladybug",    "lamb",      "lark",       "lemming",    "lemur",
        "leopard",    "limpet",     "lion",      "lizard",     "llama",      "lobster",
        "locust",     "loon",       "lynx",      "macaw",      "magpie",     "mallard",
        "mammoth",    "manatee",    "mantis",    "marlin",     "marmot",     "marten",
        "meerkat",    "mink",       "minnow",    "mole",       "mongoose",   "moose",
        "moth",       "mouse",      "mule",      "muskox",     "narwhal",    "newt",
        "nightjar",   "ocelot",     "octopus",   "okapi",      "opossum",    "orca",
        "oriole",     "oryx",       "osprey",    "ostrich",    "otter",      "owl",
        "ox",         "oyster",     "panda",     "panther",    "parrot",     "partridge",
        "peacock",    "pelican",    "penguin",   "perch",      "pheasant",   "pigeon",
        "pika",       "pike",       "piranha",   "platypus",   "plover",     "polecat",
        "pony",       "poodle",     "porcupine", "possum",     "prawn",      "puffin",
        "puma",       "python",     "quail",     "quokka",     "quoll",      "rabbit",
        "raccoon",    "ram",        "raven",     "reindeer",   "rhino",      "robin",
        "rooster",    "salamander", "salmon",    "sandpiper",  "sardine",    "scallop",
        "seahorse",   "seal",       "shark",     "sheep",      "shrimp",     "skunk",
        "sloth",      "snail",      "snipe",     "sparrow",    "spider",     "squid",
        "squirrel",   "starfish",   "stingray",  "stoat",      "stork",      "sturgeon",
        "swan",       "tapir",      "tarsier",   "termite",    "tern",       "thrush",
        "tiger",      "toad",       "tortoise",  "toucan",     "trout",      "tuna",
        "turkey",     "turtle",     "urchin",    "viper",      "vole",       "wallaby",
        "walrus",     "warbler",    "warthog",   "wasp",       "whale",      "wildcat",
        "wolf",       "wolverine",  "wombat",    "woodpecker", "wren",       "yak",
        "zebra",      "zebu",       "beluga",    "bittern",    "bongo",      "caiman",
        "cassowary",  "chamois",    "civet",     "coati",      "dormouse",   "dunlin",
        "gannet",     "gharial",    "goby",      "grebe",      "hoopoe",     "jerboa",
        "kinkajou",   "kudu",       "lapwing",   "manta",      "margay",     "mussel",
        "nautilus",   "numbat",     "nuthatch",  "oxpecker",   "pangolin",   "peccary",
        "petrel",     "puffer",     "quetzal",   "rhea",       "roadrunner", "sable",
        "saiga",      "serval",     "siskin",    "skylark",    "starling",   "sunbird",
        "swordfish",  "tamarin",    "tuatara",   "vicuna",     "wagtail",    "walleye",
        "wapiti",     "whippet",    "wigeon",    "zorilla",    "bullfinch",  "goldcrest",
        "kakapo",     "kea",        "mackerel",  "merlin",     "mynah",      "pipit",
        "redstart",   "tanager",    "tayra",     "muskrat",    "dikdik",     "gemsbok",
        "hartebeest", "lorikeet",   "macaque",   "marmoset",   "mudskipper", "pademelon",
        "quagga",     "springbok",  "tenrec",    "wildebeest", "yabby",      "bandicoot",
        "bilby",      "cormorant",  "kittiwake", "loris",      "mara",       "nene",
        "pudu",       "shoebill",
};

constexpr const char *ReservedWords[] = {
        "www",    "api", "admin", "mail", "rok", "localhost", "dashboard",
        "status", "app", "ftp",   "smtp", "ns1", "ns2",
};

constexpr qsizetype MaxLabelLength = 63;

QString pick(std::span<const char *const> words)
{
    const auto index = QRandomGenerator::system()->bounded(quint32(words.size()));
    return QString::fromLatin1(words[index]);
}

} // namespace

namespace Names {

QString random()
{
    return pick(adjectives()) + u'-' + pick(animals());
}

bool isValidLabel(QStringView name, QString *why)
{
    const auto fail = [why](const QString &message) {
        if (why)
            *why = message;
        return false;
    };

    if (name.isEmpty())
        return fail(QCoreApplication::translate("Names", "a name may not be empty"));
    if (name.size() > MaxLabelLength)
        return fail(
                QCoreApplication::translate("Names", "a name may be at most 63 characters long"));
    const bool allowed = std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
    });
    if (!allowed)
        return fail(
                QCoreApplication::translate("Names", "a name may only contain a-z, 0-9 and '-'"));
    if (name.startsWith(u'-') || name.endsWith(u'-'))
        return fail(QCoreApplication::translate("Names", "a name may not start or end with '-'"));
    if (name.size() >= 4 && name[2] == u'-' && name[3] == u'-')
        return fail(QCoreApplication::translate(
                "Names", "a name may not have '--' in the third and fourth place"));
    for (const char *word : ReservedWords) {
        if (name == QLatin1StringView(word))
            return fail(QCoreApplication::translate("Names", "\"%1\" is reserved").arg(name));
    }
    return true;
}

std::span<const char *const> adjectives()
{
    return Adjectives;
}

std::span<const char *const> animals()
{
    return Animals;
}

std::span<const char *const> reservedWords()
{
    return ReservedWords;
}

} // namespace Names
