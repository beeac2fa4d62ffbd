import LifecycleCLI

LifecycleCommand.runMain()
