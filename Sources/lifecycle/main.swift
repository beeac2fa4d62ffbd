import LifecycleCLI

LifecycleCommand.main()
