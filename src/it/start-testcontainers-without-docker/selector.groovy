// Runs only where no Docker engine can answer: no socket, no DOCKER_HOST.
return System.getenv('DOCKER_HOST') == null && !new File('/var/run/docker.sock').exists()
