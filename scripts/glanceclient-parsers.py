# Dumps python-glanceclient's v2 argparse parsers (the main one and each subcommand's) as the data
# src/cli/argparse/glanceclient-parsers.json holds: what its help and usage errors are computed from.
# Run with the python-glanceclient 4.1.0 this project imitates: /usr/bin/python3 scripts/glanceclient-parsers.py >
# src/cli/argparse/glanceclient-parsers.json (a unit test checks the checked-in file is what this prints). A fresh HOME: glanceclient's help
# for image-create/update comes from its built-in image schema, not a cached copy of a server's.
import argparse
import json
import os
import sys
import tempfile


def text(value):
    return None if value is None else str(value)


def action_of(action):
    out = {'optionStrings': action.option_strings, 'dest': action.dest}
    if action.help == argparse.SUPPRESS:
        out['suppressed'] = True
    if isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
        out['exits'] = True
    if action.metavar is not None:
        out['metavar'] = action.metavar
    nargs = action.nargs
    if isinstance(action, argparse._SubParsersAction):
        out['nargs'] = 'A...'
        out['subactions'] = [{'metavar': a.metavar, 'help': a.help} for a in action._choices_actions]
    elif nargs is not None:
        out['nargs'] = nargs
    if action.choices is not None:
        out['choices'] = [str(c) for c in action.choices]
    if action.required:
        out['required'] = True
    if action.help is not None and action.help != argparse.SUPPRESS:
        out['help'] = action.help
    if action.default is not None and action.help and '%(default)' in action.help:
        out['default'] = text(action.default)
    if action.type is int:
        out['type'] = 'int'
    return out


def parser_of(parser):
    actions = parser._actions
    groups = []
    for group in parser._action_groups:
        members = [actions.index(a) for a in group._group_actions if a in actions]
        title = group.title[0].upper() + group.title[1:] if group.title else group.title
        groups.append({'title': title, 'description': group.description, 'actions': members})
    return {
        'prog': parser.prog,
        'description': parser.description,
        'epilog': parser.epilog,
        'actions': [action_of(a) for a in actions],
        'groups': groups,
    }


def main():
    os.environ['HOME'] = tempfile.mkdtemp()
    for name in list(os.environ):
        if name.startswith('OS_'):
            del os.environ[name]
    from glanceclient import shell

    glance = shell.OpenStackImagesShell()
    main_parser = glance.get_subcommand_parser(2, ['--os-image-api-version', '2', 'help'])
    commands = {name: parser_of(sub) for name, sub in glance.subcommands.items() if name != 'bash_completion'}
    glance.get_subcommand_parser(1)
    in_v1 = sorted(name for name in commands if name in glance.subcommands)
    data = {'main': parser_of(main_parser), 'commands': commands, 'inV1': in_v1}
    print(json.dumps(data, indent=1))


if __name__ == '__main__':
    sys.exit(main())
