from svo_cli.cli import main

main()
