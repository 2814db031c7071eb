from ocop_docs.cli.main import main

main()
