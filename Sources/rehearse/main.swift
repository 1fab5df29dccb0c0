// The whole tool is the RehearseCommands library, so its commands can be tested without a process.
import RehearseCommands

Rehearse.main()
