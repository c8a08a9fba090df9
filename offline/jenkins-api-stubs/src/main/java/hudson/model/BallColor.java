package hudson.model;

public enum BallColor {
}
