# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_sayso_global_optspecs
    string join \n q/quiet h/help V/version
end

function __fish_sayso_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_sayso_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_sayso_using_subcommand
    set -l cmd (__fish_sayso_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c sayso -n "__fish_sayso_needs_command" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_needs_command" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_needs_command" -s V -l version -d 'Print version'
complete -c sayso -n "__fish_sayso_needs_command" -a "check" -d 'Validate a project file and print a one-line summary (non-zero exit on a bad file)'
complete -c sayso -n "__fish_sayso_needs_command" -a "reanchor" -d 'Find annotations\' words again after a project\'s article text was edited by hand'
complete -c sayso -n "__fish_sayso_needs_command" -a "detect" -d 'Detect quotes, speakers and entities in articles; one JSON object per file and line'
complete -c sayso -n "__fish_sayso_needs_command" -a "annotate" -d 'Import articles, run detection, and save them as one project of suggestions (with the project\'s own entity model when one is beside --out: NAME.ner.bin for NAME.ron)'
complete -c sayso -n "__fish_sayso_needs_command" -a "memory" -d 'Share what analysts taught: export a project\'s memory, or import one into a project'
complete -c sayso -n "__fish_sayso_needs_command" -a "eval" -d 'Score the detector against PolNeAR-style brat gold (a folder with text/ and attributions/); `eval ner` scores named entities'
complete -c sayso -n "__fish_sayso_needs_command" -a "train" -d 'Train a learned model from annotated data'
complete -c sayso -n "__fish_sayso_needs_command" -a "export" -d 'Export a project for other tools'
complete -c sayso -n "__fish_sayso_needs_command" -a "insights" -d 'Count who is quoted how often (by outlet, over time, by kind): one CSV file per table'
complete -c sayso -n "__fish_sayso_needs_command" -a "agree" -d 'How far two analysts agree on the same articles: span F1 (exact, overlap), Cohen\'s κ and Krippendorff\'s α over tokens, per kind (quotes, speakers, cues, entity labels), per document and overall'
complete -c sayso -n "__fish_sayso_needs_command" -a "merge" -d 'Merge two analysts\' projects of the same articles: what agrees is kept once, each disagreement becomes a conflict holding both versions, to settle in the window (keys 1, 2, N). With --base, a change only one side made wins'
complete -c sayso -n "__fish_sayso_needs_command" -a "import" -d 'Bring annotations from another tool (brat, doccano, spacy) into a new project'
complete -c sayso -n "__fish_sayso_needs_command" -a "completions" -d 'Print a shell completion script: `sayso completions bash > ~/.local/share/bash-completion/completions/sayso`'
complete -c sayso -n "__fish_sayso_needs_command" -a "man" -d 'Print the manual page (roff): `sayso man > sayso.1 && man ./sayso.1`; with `--out`, write it and a page for each command (sayso-detect.1, …) into a folder'
complete -c sayso -n "__fish_sayso_needs_command" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sayso -n "__fish_sayso_using_subcommand check" -l json -d 'Print the summary as JSON'
complete -c sayso -n "__fish_sayso_using_subcommand check" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand check" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand reanchor" -l out -d 'Write the result here instead of replacing the project file' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand reanchor" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand reanchor" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand detect" -l threads -d 'Threads to detect on (default: every core); the output is the same for any number' -r
complete -c sayso -n "__fish_sayso_using_subcommand detect" -l model -d 'An entity model to use instead of the built-in one: a project\'s, from `sayso train ner --from` (NAME.ner.bin)' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand detect" -l json -d 'Print JSON (the only output format; accepted for clarity in scripts)'
complete -c sayso -n "__fish_sayso_using_subcommand detect" -l jsonl -d 'Read JSON lines from stdin ({"id", "text"} or {"id", "html"}, and any other fields) and write one line per input line, in input order'
complete -c sayso -n "__fish_sayso_using_subcommand detect" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand detect" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand annotate" -l out -r -F
complete -c sayso -n "__fish_sayso_using_subcommand annotate" -l threads -d 'Threads to detect on (default: every core); the project is the same for any number' -r
complete -c sayso -n "__fish_sayso_using_subcommand annotate" -l memory -d 'Detect with what analysts taught: a memory file (`sayso memory export`), kept in the new project' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand annotate" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand annotate" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and not __fish_seen_subcommand_from export import help" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and not __fish_seen_subcommand_from export import help" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and not __fish_seen_subcommand_from export import help" -f -a "export" -d 'Write a project\'s memory (labels of names, rejected words, entities\' names and aliases) to a file a team can share'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and not __fish_seen_subcommand_from export import help" -f -a "import" -d 'Take a shared memory file into a project (its lessons win on the same words) and apply it to the project\'s suggestions'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and not __fish_seen_subcommand_from export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from export" -l out -r -F
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from import" -l project -r -F
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from import" -l out -d 'Write the result here instead of replacing the project file' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a project\'s memory (labels of names, rejected words, entities\' names and aliases) to a file a team can share'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from help" -f -a "import" -d 'Take a shared memory file into a project (its lessons win on the same words) and apply it to the project\'s suggestions'
complete -c sayso -n "__fish_sayso_using_subcommand memory; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and not __fish_seen_subcommand_from ner simulate help" -l gold -r -F
complete -c sayso -n "__fish_sayso_using_subcommand eval; and not __fish_seen_subcommand_from ner simulate help" -l errors -d 'Also write every missed, spurious and wrongly attributed case to this file (JSON lines)' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand eval; and not __fish_seen_subcommand_from ner simulate help" -l json
complete -c sayso -n "__fish_sayso_using_subcommand eval; and not __fish_seen_subcommand_from ner simulate help" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and not __fish_seen_subcommand_from ner simulate help" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and not __fish_seen_subcommand_from ner simulate help" -f -a "ner" -d 'Score named people, organisations and places (PER, ORG, LOC) against UNER (.iob2) or GUM (gold.jsonl) gold'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and not __fish_seen_subcommand_from ner simulate help" -f -a "simulate" -d 'Simulate an analyst who reviews the gold documents in order, without and with learning from the review (decisions carried over to the same words, the entity model retrained after each document): typed F1 on the documents not yet reviewed after 0, 5, 10 and 20, and keystrokes per document from the fifth on'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and not __fish_seen_subcommand_from ner simulate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from ner" -l gold -r -F
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from ner" -l peer -d 'Also score a peer\'s entities: a folder of JSON files, one per gold document (`<id>.json` with `entities[{start, end, label}]`, as `peer.py` writes them)' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from ner" -l write-texts -d 'Write each gold document\'s text to this folder (`<id>.txt`), for running a peer on it' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from ner" -l model -d 'Use this entity model file instead of the built-in one, for Sayso and for the model alone' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from ner" -l errors -d 'Also write every missed and spurious name to this file (JSON lines)' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from ner" -l json
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from ner" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from ner" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from simulate" -l gold -d 'UNER (.iob2) or GUM (gold.jsonl) gold' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from simulate" -l sentences -d 'For UNER: sentences per document, in order (its own documents are a few sentences each); 0 keeps its documents' -r
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from simulate" -l json
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from simulate" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from simulate" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from help" -f -a "ner" -d 'Score named people, organisations and places (PER, ORG, LOC) against UNER (.iob2) or GUM (gold.jsonl) gold'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from help" -f -a "simulate" -d 'Simulate an analyst who reviews the gold documents in order, without and with learning from the review (decisions carried over to the same words, the entity model retrained after each document): typed F1 on the documents not yet reviewed after 0, 5, 10 and 20, and keystrokes per document from the fifth on'
complete -c sayso -n "__fish_sayso_using_subcommand eval; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sayso -n "__fish_sayso_using_subcommand train; and not __fish_seen_subcommand_from ner help" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand train; and not __fish_seen_subcommand_from ner help" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand train; and not __fish_seen_subcommand_from ner help" -f -a "ner" -d 'Train the entity model on open data: `uner-ewt/train.iob2`, `uner-ewt/test.iob2` and `wikigold/wikigold.conll.txt` under DATA (`uner-ewt/dev.iob2` is left for tuning), and GUM\'s openly licensed genres (not news) when --gum is given. With --from, retrain the built-in model from the reviewed entities of projects instead. Deterministic: the same data gives the same bytes'
complete -c sayso -n "__fish_sayso_using_subcommand train; and not __fish_seen_subcommand_from ner help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from ner" -l data -r -F
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from ner" -l gum -d 'A folder of GUM\'s `dep/*.conllu` files (github amir-zeldes/gum)' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from ner" -l from -d 'Projects whose reviewed entities (accepted, made or relabelled names; rejected suggestions as no name) the built-in model learns from; the model is written beside the first (NAME.ner.bin for NAME.ron), where Sayso finds it, unless --out is given' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from ner" -l out -r -F
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from ner" -l epochs -d 'Passes over the data' -r
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from ner" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from ner" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from help" -f -a "ner" -d 'Train the entity model on open data: `uner-ewt/train.iob2`, `uner-ewt/test.iob2` and `wikigold/wikigold.conll.txt` under DATA (`uner-ewt/dev.iob2` is left for tuning), and GUM\'s openly licensed genres (not news) when --gum is given. With --from, retrain the built-in model from the reviewed entities of projects instead. Deterministic: the same data gives the same bytes'
complete -c sayso -n "__fish_sayso_using_subcommand train; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sayso -n "__fish_sayso_using_subcommand export" -l format -d 'spacy, doccano, brat, csv, conll or labelstudio' -r
complete -c sayso -n "__fish_sayso_using_subcommand export" -l out -d 'A file, or a folder for brat' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand export" -l include-suggestions -d 'Also export unreviewed suggestions (with their status); rejected ones never are'
complete -c sayso -n "__fish_sayso_using_subcommand export" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand export" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand insights" -l csv -d 'The folder to write the tables to (created if missing)' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand insights" -l png -d 'Also draw each table\'s chart, as NAME.png beside its CSV'
complete -c sayso -n "__fish_sayso_using_subcommand insights" -l include-suggestions -d 'Count unreviewed suggestions too (rejected work never counts)'
complete -c sayso -n "__fish_sayso_using_subcommand insights" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand insights" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand agree" -l units -d 'Also write each kind\'s token labels for both analysts (JSON lines), to check κ and α with other tools' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand agree" -l json
complete -c sayso -n "__fish_sayso_using_subcommand agree" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand agree" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand merge" -l base -d 'The project both started from (three-way merge)' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand merge" -l out -r -F
complete -c sayso -n "__fish_sayso_using_subcommand merge" -l analyst -d 'Who merges: ids the merge must give anew are in their range (default: $SAYSO_ANALYST)' -r
complete -c sayso -n "__fish_sayso_using_subcommand merge" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand merge" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand import" -l format -r
complete -c sayso -n "__fish_sayso_using_subcommand import" -l out -r -F
complete -c sayso -n "__fish_sayso_using_subcommand import" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand import" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand completions" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand completions" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand man" -l out -d 'A folder for all the pages, e.g. ~/.local/share/man/man1' -r -F
complete -c sayso -n "__fish_sayso_using_subcommand man" -s q -l quiet -d 'Print only results and errors: no summaries, notes or warnings'
complete -c sayso -n "__fish_sayso_using_subcommand man" -s h -l help -d 'Print help'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "check" -d 'Validate a project file and print a one-line summary (non-zero exit on a bad file)'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "reanchor" -d 'Find annotations\' words again after a project\'s article text was edited by hand'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "detect" -d 'Detect quotes, speakers and entities in articles; one JSON object per file and line'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "annotate" -d 'Import articles, run detection, and save them as one project of suggestions (with the project\'s own entity model when one is beside --out: NAME.ner.bin for NAME.ron)'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "memory" -d 'Share what analysts taught: export a project\'s memory, or import one into a project'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "eval" -d 'Score the detector against PolNeAR-style brat gold (a folder with text/ and attributions/); `eval ner` scores named entities'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "train" -d 'Train a learned model from annotated data'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "export" -d 'Export a project for other tools'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "insights" -d 'Count who is quoted how often (by outlet, over time, by kind): one CSV file per table'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "agree" -d 'How far two analysts agree on the same articles: span F1 (exact, overlap), Cohen\'s κ and Krippendorff\'s α over tokens, per kind (quotes, speakers, cues, entity labels), per document and overall'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "merge" -d 'Merge two analysts\' projects of the same articles: what agrees is kept once, each disagreement becomes a conflict holding both versions, to settle in the window (keys 1, 2, N). With --base, a change only one side made wins'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "import" -d 'Bring annotations from another tool (brat, doccano, spacy) into a new project'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "completions" -d 'Print a shell completion script: `sayso completions bash > ~/.local/share/bash-completion/completions/sayso`'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "man" -d 'Print the manual page (roff): `sayso man > sayso.1 && man ./sayso.1`; with `--out`, write it and a page for each command (sayso-detect.1, …) into a folder'
complete -c sayso -n "__fish_sayso_using_subcommand help; and not __fish_seen_subcommand_from check reanchor detect annotate memory eval train export insights agree merge import completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c sayso -n "__fish_sayso_using_subcommand help; and __fish_seen_subcommand_from memory" -f -a "export" -d 'Write a project\'s memory (labels of names, rejected words, entities\' names and aliases) to a file a team can share'
complete -c sayso -n "__fish_sayso_using_subcommand help; and __fish_seen_subcommand_from memory" -f -a "import" -d 'Take a shared memory file into a project (its lessons win on the same words) and apply it to the project\'s suggestions'
complete -c sayso -n "__fish_sayso_using_subcommand help; and __fish_seen_subcommand_from eval" -f -a "ner" -d 'Score named people, organisations and places (PER, ORG, LOC) against UNER (.iob2) or GUM (gold.jsonl) gold'
complete -c sayso -n "__fish_sayso_using_subcommand help; and __fish_seen_subcommand_from eval" -f -a "simulate" -d 'Simulate an analyst who reviews the gold documents in order, without and with learning from the review (decisions carried over to the same words, the entity model retrained after each document): typed F1 on the documents not yet reviewed after 0, 5, 10 and 20, and keystrokes per document from the fifth on'
complete -c sayso -n "__fish_sayso_using_subcommand help; and __fish_seen_subcommand_from train" -f -a "ner" -d 'Train the entity model on open data: `uner-ewt/train.iob2`, `uner-ewt/test.iob2` and `wikigold/wikigold.conll.txt` under DATA (`uner-ewt/dev.iob2` is left for tuning), and GUM\'s openly licensed genres (not news) when --gum is given. With --from, retrain the built-in model from the reviewed entities of projects instead. Deterministic: the same data gives the same bytes'
