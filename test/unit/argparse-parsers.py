# Random argparse parsers for argparse-formatter.test.ts: each is built with Python 3.11's argparse,
# dumped as scripts/glanceclient-parsers.py dumps glanceclient's, and formatted at a random width.
import argparse
import importlib.util
import json
import random
import sys

spec = importlib.util.spec_from_file_location('dump', sys.argv[1])
dump = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dump)

WORDS = ['image', 'the', 'a', 'of', 'Project', 'ID', 'store', 'metadata-definitions', 'x', 'https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html',
         'well-known', '--sort-key', 'name,status', '(default:', '%(default)s)', 'value.', 'Valid', 'values:', 'None,', 'ami,', 'averyveryverylongwordwithoutanybreaksinsideitatall', 'e.g.', 'use\n', '\t']
METAVARS = [None, None, '<NAME>', 'X', '<key=value>', '<IMAGE_ID>', '[True|False]', '<key>[:<direction>]', '<A_RATHER_LONG_METAVAR_NAME>']
PROGS = ['glance', 'glance member-get', 'glance md-namespace-resource-type-list', 'prog-with-a-very-long-name-indeed-to-force-the-other-branch']


class HelpFormatter(argparse.HelpFormatter):
    def start_section(self, heading):
        super().start_section('%s%s' % (heading[0].upper(), heading[1:]))


def words(rng, most):
    return ' '.join(rng.choice(WORDS) for _ in range(rng.randint(0, most)))


def build(rng, width):
    parser = argparse.ArgumentParser(prog=rng.choice(PROGS), description=words(rng, 30) or None, epilog=rng.choice([None, words(rng, 12)]),
                                     add_help=False, formatter_class=lambda prog: HelpFormatter(prog, width=width))
    required = parser.add_argument_group('Required arguments', rng.choice([None, words(rng, 8)]))
    for i in range(rng.randint(0, 9)):
        positional = rng.random() < 0.3
        kwargs = {}
        metavar = rng.choice(METAVARS)
        nargs = rng.choice([None, None, '?', '*', '+', 2, 0])
        if positional:
            names = ['arg%d' % i]
            nargs = None if nargs in (0, 2) and rng.random() < 0.5 else (nargs or None)
        else:
            names = rng.choice([['--opt-%d' % i], ['-%s' % 'abcdefghij'[i], '--option-number-%d' % i]])
            if rng.random() < 0.3:
                names.append('--alias-%d' % i)
        if nargs == 0:
            if positional:
                nargs = None
            else:
                kwargs['action'] = 'store_true'
        if nargs not in (None, 0):
            kwargs['nargs'] = nargs
        if 'action' not in kwargs:
            if rng.random() < 0.2:
                kwargs['choices'] = rng.choice([['a', 'bb', 'ccc'], ['asc', 'desc'], ['name', 'status', 'container_format', 'disk_format', 'size', 'id']])
                if rng.random() < 0.5:
                    metavar = None
            if metavar is not None:
                kwargs['metavar'] = metavar
        kwargs['help'] = rng.choice([None, '', words(rng, 5), words(rng, 40)])
        kwargs['default'] = rng.choice([None, '{}', 'public'])
        if not positional and rng.random() < 0.25:
            kwargs['required'] = True
            required.add_argument(*names, **kwargs)
        else:
            parser.add_argument(*names, **kwargs)
    if rng.random() < 0.2:
        subparsers = parser.add_subparsers(metavar='<subcommand>')
        for name in rng.sample(['image-list', 'md-namespace-resource-type-list', 'help', 'x'], rng.randint(1, 4)):
            subparsers.add_parser(name, help=rng.choice([None, words(rng, 10)]))
    return parser


def main():
    rng = random.Random(int(sys.argv[2]))
    cases = []
    while len(cases) < int(sys.argv[3]):
        width = rng.randint(13, 200) - 2
        parser = build(rng, width)
        try:
            cases.append({'parser': dump.parser_of(parser), 'width': width, 'usage': parser.format_usage(), 'help': parser.format_help()})
        except AssertionError:
            pass  # argparse's own usage-wrapping assertion (a metavar it cannot split): Python fails, nothing to compare
    print(json.dumps(cases))


main()
