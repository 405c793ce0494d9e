from svo_cli.launch import main

main()
